/** Benchmark harnesses: each compares against a baseline in the same run and prints the ratio. */
@NullMarked
package io.mlplane.samples.bench;

import org.jspecify.annotations.NullMarked;
