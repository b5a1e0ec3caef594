/**
 * How a backend plugs training jobs in: implement {@link io.mlplane.training.spi.TrainingBackend} (thin,
 * stateless calls to the backend) and register a subclass of
 * {@link io.mlplane.training.spi.TrainingDriverFactory} in
 * {@code META-INF/services/io.mlplane.core.spi.ResourceDriverFactory}. Handles, waiting and interceptors are
 * provided on top.
 */
@NullMarked
package io.mlplane.training.spi;

import org.jspecify.annotations.NullMarked;
