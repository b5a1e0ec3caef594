/**
 * Search strategies for hyperparameter tuning on backends that tune by themselves (local): each proposes the
 * next trial's values from the results so far. Internal to sdk-training.
 */
@NullMarked
package io.mlplane.training.internal.search;

import org.jspecify.annotations.NullMarked;
