/**
 * Training jobs on the {@code mock} backend: in memory, on the provider's virtual clock, following the
 * scripts of {@link io.mlplane.core.mock.MockProvider}. Registered through {@code ServiceLoader}.
 */
@NullMarked
package io.mlplane.training.mock;

import org.jspecify.annotations.NullMarked;
