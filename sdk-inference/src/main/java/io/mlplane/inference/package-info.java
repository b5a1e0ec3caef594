/**
 * Models, real-time endpoints (single- and multi-model), autoscaling, invocation and data capture.
 *
 * <p>Only the package exists so far; the types arrive with the inference issue.
 */
@NullMarked
package io.mlplane.inference;

import org.jspecify.annotations.NullMarked;
