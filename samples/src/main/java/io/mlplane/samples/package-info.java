/**
 * Runnable samples: {@link io.mlplane.samples.Quickstart} (the README's main command) and the benchmark
 * harnesses in {@code bench}. Samples print to standard output; the SDK itself never does.
 */
@NullMarked
package io.mlplane.samples;

import org.jspecify.annotations.NullMarked;
