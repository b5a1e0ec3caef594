/**
 * The service-provider interface through which feature modules (training, inference, monitoring) plug one
 * driver per (resource kind, backend) into a provider: {@link io.mlplane.core.spi.ResourceDriverFactory}, found
 * with {@link java.util.ServiceLoader}; plus the shared machinery drivers and spec types build on:
 * {@link io.mlplane.core.spi.BackendContext}, {@link io.mlplane.core.spi.Violations} and
 * {@link io.mlplane.core.spi.PollingWaiter}.
 *
 * <p>Users of mlplane never need this package; authors of backends and features do.
 */
@NullMarked
package io.mlplane.core.spi;

import org.jspecify.annotations.NullMarked;
