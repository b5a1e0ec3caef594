/**
 * Training jobs on the {@code local} backend: real processes (or in-process Java algorithms) on this machine,
 * in job directories that mirror SageMaker's {@code /opt/ml}, with the environment and arguments the SageMaker
 * training toolkit provides. Registered through {@code ServiceLoader}.
 */
@NullMarked
package io.mlplane.training.local;

import org.jspecify.annotations.NullMarked;
