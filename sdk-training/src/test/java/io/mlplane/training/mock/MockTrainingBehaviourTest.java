package io.mlplane.training.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlplane.core.BackendCall;
import io.mlplane.core.Interceptor;
import io.mlplane.core.MlException;
import io.mlplane.core.QuotaExceededException;
import io.mlplane.core.ThrottledException;
import io.mlplane.core.ValidationException;
import io.mlplane.core.mock.MockProvider;
import io.mlplane.core.mock.VirtualClock;
import io.mlplane.training.LogEvent;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.Spot;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.TrainingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the mock backend does beyond the shared contract: scripting, limits, fault injection, recording. */
class MockTrainingBehaviourTest {

    private final MockProvider mock = MockProvider.create(7);

    @AfterEach
    void close() {
        mock.close();
    }

    private static TrainingJobSpec.Builder spec(String name) {
        return TrainingJobSpec.builder().name(name).image("registry.example/xgb:1.7").instanceType("ml.m5.xlarge")
                .outputUri("s3://bucket/out").maxRuntime(Duration.ofHours(4));
    }

    private static Spot spot(Duration maxWait) {
        return Spot.builder().maxWait(maxWait).checkpointUri("s3://bucket/ckpt/").build();
    }

    @Test
    void statusFollowsVirtualTimeExactly() {
        mock.onJob("timed").completesAfter(Duration.ofHours(2));
        TrainingJob job = mock.submit(spec("timed").build());

        assertThat(job.describe().secondaryStatus()).isEqualTo(SecondaryStatus.STARTING);
        mock.clock().advance(Duration.ofMinutes(7));
        assertThat(job.describe().secondaryStatus()).isEqualTo(SecondaryStatus.DOWNLOADING);
        mock.clock().advance(Duration.ofMinutes(30));
        assertThat(job.describe().secondaryStatus()).isEqualTo(SecondaryStatus.TRAINING);
        mock.clock().advance(Duration.ofMinutes(80));
        assertThat(job.describe().secondaryStatus()).isEqualTo(SecondaryStatus.UPLOADING);
        mock.clock().advance(Duration.ofMinutes(3));
        assertThat(job.status()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(job.describe().trainingSeconds()).isEqualTo(7200);
        assertThat(job.describe().endTime()).isEqualTo(VirtualClock.EPOCH.plus(Duration.ofHours(2)));
    }

    @Test
    void aTwoHourJobIsAwaitedWithoutRealWaiting() {
        mock.onJob("long").completesAfter(Duration.ofHours(2));

        TrainingResult result = mock.submit(spec("long").build()).awaitCompletion(Duration.ofHours(3));

        assertThat(result.succeeded()).isTrue();
        assertThat(mock.clock().now()).as("the wait slept on the virtual clock")
                .isAfterOrEqualTo(VirtualClock.EPOCH.plus(Duration.ofHours(2)));
    }

    @Test
    void awaitingJobsOfSeveralProvidersNamesEveryJobThatIsNotDone() {
        try (MockProvider other = MockProvider.create(8)) {
            mock.onJob("done-here").completesAfter(Duration.ofMinutes(30));
            mock.onJob("stuck-here").staysInProgress();
            other.onJob("stuck-there").staysInProgress();
            List<TrainingJob> jobs = List.of(mock.submit(spec("done-here").build()), mock.submit(spec("stuck-here").build()),
                    other.submit(spec("stuck-there").build()));

            assertThatThrownBy(() -> TrainingJob.awaitAll(jobs, Duration.ofHours(1)))
                    .isInstanceOfSatisfying(io.mlplane.core.WaitTimeoutException.class,
                            e -> assertThat(e.pending()).containsOnlyKeys("stuck-here", "stuck-there"));

            other.onJob("quick").completesAfter(Duration.ofMinutes(10));
            List<TrainingResult> results = TrainingJob.awaitAll(List.of(jobs.get(0), other.submit(spec("quick").build())),
                    Duration.ofHours(1));
            assertThat(results).extracting(TrainingResult::status).containsOnly(TrainingJobStatus.COMPLETED);
        }
    }

    @Test
    void exceedingMaxRuntimeStopsTheJobAsSageMakerDoes() {
        mock.onJob("slow").completesAfter(Duration.ofHours(6));

        TrainingResult result = mock.submit(spec("slow").build()).awaitCompletion(Duration.ofHours(10));

        assertThat(result.status()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(result.secondaryStatus()).isEqualTo(SecondaryStatus.MAX_RUNTIME_EXCEEDED);
        assertThat(result.statusHistory()).extracting(StatusTransition::status).contains(SecondaryStatus.STOPPING);
        assertThat(result.billableSeconds()).as("billed until the stop grace period ends")
                .isEqualTo(Duration.ofHours(4).plus(io.mlplane.training.internal.TrainingTimeline.STOP_GRACE).toSeconds());
    }

    @Test
    void spotJobThatRunsOutOfMaxWaitStopsWithMaxWaitTimeExceeded() {
        mock.onJob("starved").interruptedBySpot(3).interruptionDowntime(Duration.ofHours(1))
                .completesAfter(Duration.ofHours(3));

        TrainingResult result = mock.submit(spec("starved").spot(spot(Duration.ofHours(5))).build())
                .awaitCompletion(Duration.ofHours(12));

        assertThat(result.status()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(result.secondaryStatus()).isEqualTo(SecondaryStatus.MAX_WAIT_TIME_EXCEEDED);
        assertThat(result.trainingSeconds()).isEqualTo(Duration.ofHours(5).plus(Duration.ofSeconds(10)).toSeconds());
    }

    @Test
    void onDemandJobsAreNeverInterruptedAndSpotJobsDefaultToSeventyPercentSavings() {
        mock.onAnyJob().interruptedBySpot(2).completesAfter(Duration.ofHours(1));

        TrainingResult onDemand = mock.submit(spec("on-demand").build()).awaitCompletion(Duration.ofHours(5));
        TrainingResult onSpot = mock.submit(spec("on-spot").spot(spot(Duration.ofHours(8))).build())
                .awaitCompletion(Duration.ofHours(10));

        assertThat(onDemand.statusHistory()).extracting(StatusTransition::status).doesNotContain(SecondaryStatus.INTERRUPTED);
        assertThat(onDemand.spotSavingsPercent()).isEmpty();
        assertThat(onSpot.statusHistory()).extracting(StatusTransition::status).contains(SecondaryStatus.INTERRUPTED);
        assertThat(onSpot.spotSavingsPercent().getAsDouble()).isGreaterThanOrEqualTo(70.0);
    }

    @Test
    void scriptForANameWinsOverTheScriptForAnyJob() {
        mock.onAnyJob().failsAfter(Duration.ofMinutes(1), "everything fails");
        mock.onJob("special").completesAfter(Duration.ofMinutes(5));

        assertThat(mock.submit(spec("special").build()).awaitCompletion(Duration.ofHours(1)).succeeded()).isTrue();
        assertThat(mock.submit(spec("ordinary").build()).awaitCompletion(Duration.ofHours(1)).failureReason())
                .isEqualTo("everything fails");
    }

    @Test
    void scriptedSubmitFailureIsThrownAndCreatesNothing() {
        mock.onJob("over-quota").rejectsSubmit(() -> new QuotaExceededException("mock", "ResourceLimitExceeded: 4 ml.p3 max"));

        assertThatThrownBy(() -> mock.submit(spec("over-quota").build())).isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("ResourceLimitExceeded");
        assertThat(mock.get(TrainingJob.class, "over-quota")).isEmpty();
        assertThat(mock.submittedSpecs()).hasSize(1);
    }

    @Test
    void injectedSubmitFaultsHitAtTheSeededRate() {
        mock.injectSubmitFaults(0.2, 99, () -> new ThrottledException("mock", "Rate exceeded"));
        int failed = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                mock.submit(spec("job-" + i).build());
            } catch (ThrottledException e) {
                assertThat(e.retryable()).isTrue();
                failed++;
            }
        }

        assertThat(failed).isBetween(150, 250);
        assertThat(mock.list(TrainingJob.class)).hasSize(1000 - failed);
        int firstRun = failed;
        try (MockProvider again = MockProvider.create()) {
            again.injectSubmitFaults(0.2, 99, () -> new ThrottledException("mock", "Rate exceeded"));
            int failedAgain = 0;
            for (int i = 0; i < 1000; i++) {
                try {
                    again.submit(spec("job-" + i).build());
                } catch (MlException e) {
                    failedAgain++;
                }
            }
            assertThat(failedAgain).as("same seed, same faults").isEqualTo(firstRun);
        }
        mock.clearSubmitFaults();
        assertThat(mock.submit(spec("after-faults").build()).name()).isEqualTo("after-faults");
        assertThatThrownBy(() -> mock.injectSubmitFaults(1.5, 1, () -> new ThrottledException("mock", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySubmittedSpecIsRecordedInOrder() {
        TrainingJobSpec a = spec("a").build();
        TrainingJobSpec b = spec("b").hyperparameter("eta", 0.1).build();

        mock.submit(a);
        mock.submit(b);
        mock.submit(a);

        assertThat(mock.submittedSpecs(TrainingJobSpec.class)).containsExactly(a, b, a);
        assertThat(mock.list(TrainingJob.class)).extracting(TrainingJob::name).containsExactly("a", "b");
    }

    @Test
    void logsShowPhasesScriptedLinesAndFinalMetrics() {
        mock.onJob("chatty").completesAfter(Duration.ofMinutes(20)).logLine("[0] train-auc:0.81")
                .withMetric("validation:auc", 0.88);
        TrainingJob job = mock.submit(spec("chatty").build());
        job.awaitCompletion(Duration.ofHours(1));

        assertThat(job.logs()).extracting(LogEvent::message)
                .contains("[0] train-auc:0.81", "validation:auc=0.88")
                .anySatisfy(line -> assertThat(line).startsWith("Training - "));
    }

    @Test
    void interceptorsWrapCallsInOrderAndSeeFailures() {
        List<String> seen = new ArrayList<>();
        mock.addInterceptor(new Recording("outer", seen));
        mock.addInterceptor(new Recording("inner", seen));

        mock.submit(spec("intercepted").build());
        assertThatThrownBy(() -> mock.submit(spec("intercepted").hyperparameter("x", "y").build()))
                .isInstanceOf(io.mlplane.core.ConflictException.class);

        assertThat(seen).containsSubsequence("outer>training.create", "inner>training.create", "inner<training.create",
                "outer<training.create");
        assertThat(seen).contains("inner!training.create:ConflictException", "outer!training.create:ConflictException");
    }

    @Test
    void anInvalidSpecCannotEvenBeBuiltSoNothingIsRecorded() {
        assertThatThrownBy(() -> spec("x").instanceCount(0).build()).isInstanceOf(ValidationException.class);
        assertThat(mock.submittedSpecs()).isEmpty();
    }

    @Test
    void aClosedProviderRefusesWork() {
        mock.close();

        assertThatThrownBy(() -> mock.submit(spec("late").build())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private record Recording(String id, List<String> seen) implements Interceptor {
        @Override
        public void beforeCall(BackendCall call) {
            seen.add(id + ">" + call.operation());
        }

        @Override
        public void afterCall(BackendCall call) {
            seen.add(id + "<" + call.operation());
        }

        @Override
        public void onFailure(BackendCall call, RuntimeException failure) {
            seen.add(id + "!" + call.operation() + ":" + failure.getClass().getSimpleName());
        }
    }
}
