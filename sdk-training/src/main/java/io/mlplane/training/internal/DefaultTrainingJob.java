package io.mlplane.training.internal;

import io.mlplane.core.WaitOptions;
import io.mlplane.core.spi.WaitOutcome;
import io.mlplane.training.LogEvent;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingResult;
import java.util.List;
import java.util.Objects;

/** The handle every backend's training jobs share; all state lives on the backend. */
final class DefaultTrainingJob implements TrainingJob {

    private final String name;
    private final TrainingJobDriver driver;

    DefaultTrainingJob(String name, TrainingJobDriver driver) {
        this.name = name;
        this.driver = driver;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String backend() {
        return driver.backendId();
    }

    TrainingJobDriver driver() {
        return driver;
    }

    @Override
    public TrainingJobDescription describe() {
        return driver.require(name);
    }

    @Override
    public TrainingResult awaitCompletion(WaitOptions options) {
        WaitOutcome<TrainingJobDescription> outcome = driver.await(List.of(name), options);
        return TrainingResult.of(outcome.results().get(name), outcome.polls());
    }

    @Override
    public void stop() {
        driver.stop(name);
    }

    @Override
    public List<LogEvent> logs() {
        return driver.logs(name);
    }

    @Override
    public List<io.mlplane.training.MetricSample> metricHistory() {
        return driver.metricHistory(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DefaultTrainingJob other && name.equals(other.name) && driver == other.driver;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, System.identityHashCode(driver));
    }

    @Override
    public String toString() {
        return "TrainingJob[" + name + " on " + backend() + "]";
    }
}
