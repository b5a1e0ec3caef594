package io.mlplane.training.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlplane.core.MlException;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.mock.VirtualClock;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Over more than 1,000 operations the fake fails 20 % of requests with throttling, 5xx, connection resets and
 * timeouts after the request took effect. No job may be lost or created twice, and whatever failure reaches
 * the caller must be a typed {@link MlException}.
 */
class SageMakerFaultInjectionTest {

    private static final int JOBS = 400;

    @Test
    void noJobLostNoneCreatedTwiceEveryFailureTyped() throws Exception {
        VirtualClock clock = VirtualClock.create();
        try (FakeSageMaker fake = new FakeSageMaker(clock);
                MlProvider ml = MlProviders.sageMaker(SageMakerTestSupport.config(fake, clock)
                        .apiCallAttemptTimeout(Duration.ofMillis(250)).maxAttempts(6).build())) {
            fake.injectFaults(0.2, 20251124L, EnumSet.allOf(FakeSageMaker.Fault.class), Duration.ofMillis(600));
            Map<String, TrainingJob> handles = new ConcurrentHashMap<>();
            Map<String, Integer> surfaced = new ConcurrentHashMap<>();
            List<Throwable> untyped = new ArrayList<>();
            AtomicInteger operations = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                String name = "faulty-" + i;
                work.add(pool.submit(() -> {
                    TrainingJobSpec spec = spec(name);
                    for (int op = 0; op < 3; op++) { // submit, resubmit (idempotent), describe
                        operations.incrementAndGet();
                        try {
                            if (op < 2) {
                                TrainingJob job = ml.submit(spec);
                                TrainingJob earlier = handles.putIfAbsent(name, job);
                                assertThat(earlier == null || earlier.name().equals(job.name())).isTrue();
                            } else if (handles.containsKey(name)) {
                                handles.get(name).describe();
                            }
                        } catch (MlException e) {
                            surfaced.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        } catch (RuntimeException | AssertionError e) {
                            synchronized (untyped) {
                                untyped.add(e);
                            }
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            pool.shutdown();
            Map<FakeSageMaker.Fault, Integer> injected = fake.injectedFaults();
            int requestsUnderFaults = fake.totalRequests();
            fake.stopFaults();

            // Whatever did not get through is submitted again once the faults stop; idempotency must hold.
            for (int i = 0; i < JOBS; i++) {
                handles.computeIfAbsent("faulty-" + i, name -> ml.submit(spec(name)));
            }

            System.out.printf("fault injection: %d operations, %d requests under faults, injected %s, surfaced %s%n",
                    operations.get(), requestsUnderFaults, injected, surfaced);
            assertThat(untyped).as("failures that are not MlExceptions").isEmpty();
            assertThat(operations.get()).isGreaterThanOrEqualTo(1000);
            assertThat(injected.values().stream().mapToInt(Integer::intValue).sum())
                    .isBetween((int) (requestsUnderFaults * 0.15), (int) (requestsUnderFaults * 0.25));
            assertThat(injected).allSatisfy((fault, count) -> assertThat(count).as("%s injected", fault).isPositive());
            Set<String> expected = handles.keySet();
            assertThat(expected).hasSize(JOBS);
            assertThat(fake.jobNames()).as("no job lost, none unexpected").isEqualTo(expected);
            for (String name : expected) {
                assertThat(fake.creations(name)).as("creations of %s", name).isEqualTo(1);
            }
            assertThat(fake.violations()).isEmpty();
        }
    }

    @Test
    void withoutRetriesTheFailuresSurfaceAndAreAllTyped() throws Exception {
        VirtualClock clock = VirtualClock.create();
        try (FakeSageMaker fake = new FakeSageMaker(clock);
                MlProvider ml = MlProviders.sageMaker(SageMakerTestSupport.config(fake, clock)
                        .apiCallAttemptTimeout(Duration.ofMillis(250)).maxAttempts(1).build())) {
            ml.submit(spec("target"));
            fake.injectFaults(0.2, 7L, EnumSet.allOf(FakeSageMaker.Fault.class), Duration.ofMillis(600));
            Map<String, Integer> surfaced = new ConcurrentHashMap<>();
            TrainingJob job = ml.get(TrainingJob.class, "target").orElseThrow();
            int calls = 0;
            while (surfaced.values().stream().mapToInt(Integer::intValue).sum() < 40 && calls < 2000) {
                calls++;
                try {
                    job.describe();
                } catch (MlException e) {
                    assertThat(e.retryable()).as("injected faults are all transient: %s", e).isTrue();
                    surfaced.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
            }
            System.out.printf("without retries: %d calls, surfaced %s%n", calls, surfaced);
            assertThat(surfaced).containsKeys("ThrottledException", "BackendException");
        }
    }

    private static TrainingJobSpec spec(String name) {
        return TrainingJobSpec.builder().name(name).image("img:1").instanceType("ml.m5.xlarge")
                .outputUri("s3://faults/out/").hyperparameter("seed", name.hashCode()).build();
    }
}
