/**
 * Baselines, statistics, constraints and violations in SageMaker Model Monitor's file formats, data- and
 * model-quality analysis, and monitoring schedules.
 *
 * <p>Only the package exists so far; the types arrive with the monitoring issue.
 */
@NullMarked
package io.mlplane.monitoring;

import org.jspecify.annotations.NullMarked;
