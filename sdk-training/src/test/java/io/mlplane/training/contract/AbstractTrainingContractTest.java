package io.mlplane.training.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlplane.core.BackendCall;
import io.mlplane.core.CancellationToken;
import io.mlplane.core.Capability;
import io.mlplane.core.ConflictException;
import io.mlplane.core.Interceptor;
import io.mlplane.core.MlProvider;
import io.mlplane.core.StatusChange;
import io.mlplane.core.UnsupportedFeatureException;
import io.mlplane.core.WaitCancelledException;
import io.mlplane.core.WaitOptions;
import io.mlplane.core.WaitTimeoutException;
import io.mlplane.training.Channel;
import io.mlplane.training.InputMode;
import io.mlplane.training.MetricSample;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.Spot;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingFailedException;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.TrainingResult;
import io.mlplane.training.VpcConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every backend's training jobs must show, whatever the backend. A backend's test subclasses
 * this and implements {@link #createFixture()}; capabilities the backend lacks must be refused with
 * {@link UnsupportedFeatureException}.
 */
public abstract class AbstractTrainingContractTest {

    /** How many jobs the bulk await test submits. */
    protected static final int BULK_JOBS = 500;

    protected TrainingFixture fixture;
    protected MlProvider ml;

    /** The backend under test. */
    protected abstract TrainingFixture createFixture();

    @BeforeEach
    void setUpFixture() {
        fixture = createFixture();
        ml = fixture.provider();
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    @Test
    void submittedJobWalksThroughItsPhasesToCompletion() {
        fixture.completes("walk", Duration.ofHours(2), Map.of("validation:auc", 0.91));
        List<StatusChange> changes = new ArrayList<>();

        TrainingJob job = ml.submit(fixture.spec("walk").build());
        assertThat(job.name()).isEqualTo("walk");
        assertThat(job.backend()).isEqualTo(ml.backend());
        assertThat(job.status()).isEqualTo(TrainingJobStatus.IN_PROGRESS);

        TrainingResult result = job.awaitCompletion(
                WaitOptions.builder().timeout(fixture.longTimeout()).listener(changes::add).build());

        assertThat(result.status()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.secondaryStatus()).isEqualTo(SecondaryStatus.COMPLETED);
        if (fixture.reportsEveryPhase()) {
            assertThat(phases(result.statusHistory())).containsSubsequence(SecondaryStatus.STARTING,
                    SecondaryStatus.DOWNLOADING, SecondaryStatus.TRAINING, SecondaryStatus.UPLOADING,
                    SecondaryStatus.COMPLETED);
        } else {
            assertThat(phases(result.statusHistory())).containsSubsequence(SecondaryStatus.STARTING,
                    SecondaryStatus.TRAINING, SecondaryStatus.COMPLETED);
        }
        assertThat(result.modelArtifactUri()).startsWith(fixture.spec("walk").build().outputUri().replaceAll("/$", ""));
        assertThat(result.finalMetrics()).containsEntry("validation:auc", 0.91);
        List<MetricSample> history = job.metricHistory();
        assertThat(history).extracting(MetricSample::timestamp).isSorted();
        assertThat(history).filteredOn(sample -> sample.name().equals("validation:auc")).last()
                .extracting(MetricSample::value).isEqualTo(0.91);
        Map<String, Double> lastOfEach = new java.util.LinkedHashMap<>();
        history.forEach(sample -> lastOfEach.put(sample.name(), sample.value()));
        assertThat(result.finalMetrics()).isEqualTo(lastOfEach);
        assertThat(result.trainingSeconds()).isPositive();
        assertThat(result.billableSeconds()).isEqualTo(result.trainingSeconds());
        assertThat(result.spotSavingsPercent()).isEmpty();
        assertThat(result.polls()).isGreaterThan(1);
        assertThat(changes).isNotEmpty();
        assertThat(changes.get(0).previous()).isNull();
        assertThat(changes.get(changes.size() - 1).current()).isEqualTo("Completed/Completed");
        assertThat(job.status()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(job.logs()).isNotEmpty();
    }

    @Test
    void awaitingBeyondTheDeadlineThrowsATypedTimeoutNamingTheJob() {
        fixture.runsForever("endless");
        TrainingJob job = ml.submit(fixture.spec("endless").build());

        assertThatThrownBy(() -> job.awaitCompletion(fixture.shortTimeout()))
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                    assertThat(e.pending()).containsOnlyKeys("endless");
                    assertThat(e.pending().get("endless")).startsWith("InProgress/");
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(job.status()).isEqualTo(TrainingJobStatus.IN_PROGRESS);
        job.stop();
    }

    @Test
    void stoppedJobGoesThroughStoppingToStopped() {
        fixture.runsForever("to-stop");
        TrainingJob job = ml.submit(fixture.spec("to-stop").build());

        job.stop();

        assertThat(job.status()).isIn(TrainingJobStatus.STOPPING, TrainingJobStatus.STOPPED);
        TrainingResult result = job.awaitCompletion(fixture.longTimeout());
        assertThat(result.status()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.modelArtifactUri()).isNull();
        assertThatThrownBy(result::orThrow).isInstanceOf(TrainingFailedException.class).hasMessageContaining("Stopped");
        job.stop(); // stopping an ended job is a no-op
        assertThat(job.status()).isEqualTo(TrainingJobStatus.STOPPED);
    }

    @Test
    void failedJobReportsItsFailureReason() {
        fixture.fails("broken", Duration.ofMinutes(7), "AlgorithmError: CUDA out of memory");
        TrainingJob job = ml.submit(fixture.spec("broken").build());

        TrainingResult result = job.awaitCompletion(fixture.longTimeout());

        assertThat(result.status()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(result.failureReason()).contains("CUDA out of memory");
        assertThat(result.modelArtifactUri()).isNull();
        assertThatThrownBy(result::orThrow).isInstanceOfSatisfying(TrainingFailedException.class, e -> {
            assertThat(e.result()).isEqualTo(result);
            assertThat(e).hasMessageContaining("CUDA out of memory");
        });
    }

    @Test
    void spotJobSurvivesInterruptionsAndReportsSavings() {
        if (!supports(Capability.SPOT_TRAINING)) {
            assertRefused(spotSpec("spotty"), Capability.SPOT_TRAINING);
            return;
        }
        fixture.interruptedBySpot("spotty", 2, Duration.ofHours(1));
        TrainingJob job = ml.submit(spotSpec("spotty"));

        TrainingResult result = job.awaitCompletion(fixture.longTimeout());

        assertThat(result.status()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(result.spot()).isTrue();
        List<SecondaryStatus> phases = phases(result.statusHistory());
        if (fixture.reportsEveryPhase()) {
            assertThat(phases.stream().filter(SecondaryStatus.INTERRUPTED::equals)).hasSize(2);
            assertThat(phases.stream().filter(SecondaryStatus.TRAINING::equals)).hasSize(3);
        } else {
            assertThat(phases).contains(SecondaryStatus.INTERRUPTED, SecondaryStatus.TRAINING);
        }
        assertThat(result.billableSeconds()).isPositive().isLessThanOrEqualTo(result.trainingSeconds());
        double expected = (1.0 - (double) result.billableSeconds() / result.trainingSeconds()) * 100.0;
        assertThat(result.spotSavingsPercent()).hasValueCloseTo(expected, within(1e-9));
        assertThat(result.spotSavingsPercent().getAsDouble()).isBetween(0.0, 100.0);
    }

    @Test
    void resubmittingAnIdenticalSpecReturnsTheExistingJob() {
        TrainingJobSpec spec = fixture.spec("twice").hyperparameter("eta", 0.2).build();

        TrainingJob first = ml.submit(spec);
        TrainingJob second = ml.submit(fixture.spec("twice").hyperparameter("eta", 0.2).build());

        assertThat(second.name()).isEqualTo(first.name());
        assertThat(ml.list(TrainingJob.class).stream().filter(j -> j.name().equals("twice"))).hasSize(1);
    }

    @Test
    void aDifferentSpecUnderATakenNameIsAConflict() {
        ml.submit(fixture.spec("taken").hyperparameter("eta", 0.2).build());

        assertThatThrownBy(() -> ml.submit(fixture.spec("taken").hyperparameter("eta", 0.3).build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e).hasMessageContaining("taken");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(ml.get(TrainingJob.class, "taken")).isPresent();
    }

    @Test
    void getFindsExistingJobsOnlyAndListShowsThem() {
        ml.submit(fixture.spec("findable").build());

        assertThat(ml.get(TrainingJob.class, "findable")).hasValueSatisfying(j -> assertThat(j.name()).isEqualTo("findable"));
        assertThat(ml.get(TrainingJob.class, "never-submitted")).isEmpty();
        assertThat(ml.list(TrainingJob.class)).extracting(TrainingJob::name).contains("findable");
    }

    @Test
    void cancelledWaitEndsEarlyWithoutStoppingTheJob() {
        fixture.runsForever("cancel-me");
        TrainingJob job = ml.submit(fixture.spec("cancel-me").build());
        CancellationToken token = CancellationToken.create();
        AtomicInteger changes = new AtomicInteger();

        assertThatThrownBy(() -> job.awaitCompletion(WaitOptions.builder().timeout(fixture.longTimeout())
                .cancellation(token).listener(c -> {
                    if (changes.incrementAndGet() == 1) {
                        token.cancel();
                    }
                }).build())).isInstanceOf(WaitCancelledException.class);
        assertThat(job.status()).isEqualTo(TrainingJobStatus.IN_PROGRESS);
        job.stop();
    }

    @Test
    void awaitingManyJobsPollsTheBackendOncePerTick() {
        List<TrainingJob> jobs = new ArrayList<>();
        for (int i = 0; i < BULK_JOBS; i++) {
            String name = "bulk-" + i;
            fixture.completes(name, Duration.ofMinutes(30 + i % 90), Map.of("loss", i / 1000.0));
            jobs.add(ml.submit(fixture.spec(name).build()));
        }
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Interceptor counter = new Interceptor() {
            @Override
            public void beforeCall(BackendCall call) {
                calls.computeIfAbsent(call.operation(), k -> new AtomicInteger()).incrementAndGet();
            }
        };
        ml.addInterceptor(counter);

        List<TrainingResult> results = TrainingJob.awaitAll(jobs, fixture.longTimeout());

        ml.removeInterceptor(counter);
        assertThat(results).hasSize(BULK_JOBS).allSatisfy(r -> assertThat(r.status()).isEqualTo(TrainingJobStatus.COMPLETED));
        assertThat(results.get(7).jobName()).isEqualTo("bulk-7");
        assertThat(results.get(7).finalMetrics()).containsEntry("loss", 0.007);
        int polls = results.get(0).polls();
        assertThat(calls.get("training.describeAll")).hasValue(polls);
        assertThat(calls).doesNotContainKey("training.describe");
        assertThat(polls).isLessThan(BULK_JOBS / 2);
    }

    @Test
    void capabilitiesTheBackendLacksAreRefusedNotDropped() {
        Map<Capability, UnaryOperator<TrainingJobSpec.Builder>> variants = Map.of(
                Capability.PIPE_MODE, b -> b.channel(channel("pipe", InputMode.PIPE)),
                Capability.FAST_FILE_MODE, b -> b.channel(channel("fast", InputMode.FAST_FILE)),
                Capability.DISTRIBUTED_TRAINING, b -> b.instanceCount(2),
                Capability.VPC, b -> b.vpcConfig(VpcConfig.of(List.of("sg-0123"), List.of("subnet-0123"))),
                Capability.NETWORK_ISOLATION, b -> b.networkIsolation(true),
                Capability.INTER_CONTAINER_ENCRYPTION, b -> b.interContainerTrafficEncryption(true),
                Capability.KMS_ENCRYPTION, b -> b.outputKmsKeyId("alias/ml"));
        variants.forEach((capability, variant) -> {
            TrainingJobSpec spec = variant.apply(fixture.spec("cap-" + capability.name().toLowerCase().replace('_', '-'))).build();
            assertThat(spec.requiredCapabilities()).contains(capability);
            if (supports(capability)) {
                assertThat(ml.plan(spec).requests()).isNotEmpty();
            } else {
                assertRefused(spec, capability);
            }
        });
    }

    private Channel channel(String name, InputMode mode) {
        return Channel.builder().name(name).uri(fixture.dataUri(name)).inputMode(mode).build();
    }

    private TrainingJobSpec spotSpec(String name) {
        TrainingJobSpec base = fixture.spec(name).build();
        return base.toBuilder().spot(Spot.builder().maxWait(base.maxRuntime().multipliedBy(2))
                .checkpointUri(base.outputUri().replaceAll("/$", "") + "/checkpoints/").build()).build();
    }

    private boolean supports(Capability capability) {
        return ml.capabilities().supports(capability);
    }

    private void assertRefused(TrainingJobSpec spec, Capability capability) {
        assertThatThrownBy(() -> ml.plan(spec)).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
            assertThat(e.feature()).isEqualTo(capability.name());
            assertThat(e.backend()).isEqualTo(ml.backend());
        });
        assertThatThrownBy(() -> ml.submit(spec)).isInstanceOf(UnsupportedFeatureException.class);
        assertThat(ml.get(TrainingJob.class, spec.name())).isEmpty();
    }

    private static List<SecondaryStatus> phases(List<StatusTransition> history) {
        return history.stream().map(StatusTransition::status).toList();
    }
}
