/** Implementation of sdk-training; not for use outside this module. */
@NullMarked
package io.mlplane.training.internal;

import org.jspecify.annotations.NullMarked;
