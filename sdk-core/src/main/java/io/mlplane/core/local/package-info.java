/**
 * The {@code local} backend's connection: {@link io.mlplane.core.local.LocalConfig} (work directory,
 * concurrency, simulated spot interruptions, stop grace period) and {@link io.mlplane.core.local.LocalContext}.
 * Get a provider with {@link io.mlplane.core.MlProviders#local()}.
 */
@NullMarked
package io.mlplane.core.local;

import org.jspecify.annotations.NullMarked;
