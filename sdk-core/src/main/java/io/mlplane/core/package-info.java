/**
 * The mlplane public core: {@link io.mlplane.core.MlProvider} (one interface over every backend),
 * {@link io.mlplane.core.MlProviders} (how to get one), {@link io.mlplane.core.ResourceSpec} and
 * {@link io.mlplane.core.Plan} (dry runs), {@link io.mlplane.core.Capability}, waiting
 * ({@link io.mlplane.core.WaitOptions}, {@link io.mlplane.core.Backoff}) and the exception family rooted at
 * {@link io.mlplane.core.MlException}.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.mlplane.core;

import org.jspecify.annotations.NullMarked;
