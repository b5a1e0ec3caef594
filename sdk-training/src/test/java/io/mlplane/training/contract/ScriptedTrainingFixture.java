package io.mlplane.training.contract;

import io.mlplane.core.mock.JobScript;
import io.mlplane.training.TrainingJobSpec;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A fixture for backends whose job outcomes follow {@link JobScript}s (the mock itself, and the fakes and test
 * controllers of remote backends): subclasses only say where a script goes, and which base spec they run.
 */
public abstract class ScriptedTrainingFixture implements TrainingFixture {

    /** Applies {@code how} to the script of jobs named {@code name}. */
    protected abstract void script(String name, UnaryOperator<JobScript> how);

    /** A valid spec with the usual image, instance type, S3 output and a three-hour max runtime. */
    protected static TrainingJobSpec.Builder baseSpec(String name) {
        return TrainingJobSpec.builder().name(name).image("123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1.7")
                .instanceType("ml.m5.xlarge").outputUri("s3://mlplane-contract/output/").maxRuntime(Duration.ofHours(3))
                .metricDefinition("validation:auc", "validation:auc=([0-9.eE-]+)")
                .metricDefinition("loss", "\\bloss=([0-9.eE-]+)");
    }

    @Override
    public TrainingJobSpec.Builder spec(String name) {
        return baseSpec(name);
    }

    @Override
    public void completes(String name, Duration runtime, Map<String, Double> metrics) {
        script(name, s -> {
            s.completesAfter(runtime);
            metrics.forEach(s::withMetric);
            return s;
        });
    }

    @Override
    public void fails(String name, Duration runtime, String reason) {
        script(name, s -> s.failsAfter(runtime, reason));
    }

    @Override
    public void interruptedBySpot(String name, int times, Duration runtime) {
        script(name, s -> s.completesAfter(runtime).interruptedBySpot(times).billableSeconds(runtime.toSeconds() / 4));
    }

    @Override
    public void runsForever(String name) {
        script(name, JobScript::staysInProgress);
    }

    @Override
    public Duration shortTimeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public Duration longTimeout() {
        return Duration.ofHours(12);
    }
}
