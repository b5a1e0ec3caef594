/**
 * Training jobs: {@link io.mlplane.training.TrainingJobSpec} (validated completely when built), the
 * {@link io.mlplane.training.TrainingJob} handle with waiting, stopping and logs, and what a finished job
 * reports in {@link io.mlplane.training.TrainingResult}.
 *
 * <pre>{@code
 * TrainingJobSpec spec = TrainingJobSpec.builder()
 *         .name("churn-xgb-2025-01-07")
 *         .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7")
 *         .instanceType("ml.m5.xlarge")
 *         .channel(Channel.builder().name("train").uri("s3://bucket/churn/train/").inputMode(InputMode.PIPE).build())
 *         .outputUri("s3://bucket/churn/models/")
 *         .maxRuntime(Duration.ofHours(2))
 *         .spot(Spot.builder().maxWait(Duration.ofHours(4)).checkpointUri("s3://bucket/churn/ckpt/").build())
 *         .build();
 * TrainingResult result = ml.submit(spec).awaitCompletion(Duration.ofHours(5));
 * }</pre>
 */
@NullMarked
package io.mlplane.training;

import org.jspecify.annotations.NullMarked;
