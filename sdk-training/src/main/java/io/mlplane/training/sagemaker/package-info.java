/**
 * Training jobs on Amazon SageMaker: CreateTrainingJob / DescribeTrainingJob / StopTrainingJob /
 * ListTrainingJobs through the AWS SDK for Java v2, logs from CloudWatch Logs. Registered through
 * {@code ServiceLoader}.
 */
@NullMarked
package io.mlplane.training.sagemaker;

import org.jspecify.annotations.NullMarked;
