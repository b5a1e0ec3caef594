/**
 * The {@code sagemaker} backend's connection: {@link io.mlplane.core.sagemaker.SageMakerConfig} (region,
 * credentials, execution role, defaults, retry and rate limits) and
 * {@link io.mlplane.core.sagemaker.SageMakerContext}, the AWS clients plus the resilient call path that every
 * SageMaker driver uses. Get a provider with {@link io.mlplane.core.MlProviders#sageMaker}.
 */
@NullMarked
package io.mlplane.core.sagemaker;

import org.jspecify.annotations.NullMarked;
