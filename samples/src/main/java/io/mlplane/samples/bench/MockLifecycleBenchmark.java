package io.mlplane.samples.bench;

import io.mlplane.core.BackendCall;
import io.mlplane.core.Interceptor;
import io.mlplane.core.mock.MockProvider;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the mock backend runs a training job's whole lifecycle, the thing users' unit tests pay for.
 *
 * <ol>
 *   <li>Single job: submit, then await a job with a 2-hour simulated runtime, on the virtual clock. Baseline
 *       in the same run: only building (and so validating) the same spec, the floor of any submit. Goal: under
 *       1 ms per job.</li>
 *   <li>Many jobs: 10,000 jobs awaited together with {@code TrainingJob.awaitAll} (one batch poll per tick)
 *       against a baseline of awaiting the same number of jobs one after another.</li>
 * </ol>
 *
 * <p>Run: {@code mvn -B -q -Pquickstart -DskipTests verify -Dsample.main=io.mlplane.samples.bench.MockLifecycleBenchmark}.
 * Arguments (optional): jobs per measured round of the single-job part, and the number of jobs awaited
 * together.
 */
public final class MockLifecycleBenchmark {

    private static final Duration SIMULATED_RUNTIME = Duration.ofHours(2);
    private static final double GOAL_MICROS_PER_JOB = 1000.0;

    private MockLifecycleBenchmark() {
    }

    public static void main(String[] args) {
        int singleJobs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 20_000;
        int bulkJobs = args.length > 1 ? Integer.parseInt(args[1].trim()) : 10_000;
        run(singleJobs, bulkJobs, System.out);
    }

    /** Runs both parts and prints their figures; returns the mean microseconds per single-job lifecycle. */
    public static double run(int singleJobs, int bulkJobs, PrintStream out) {
        out.printf("mlplane mock lifecycle benchmark (%d CPUs, %s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        // Warm up both paths so the JIT compiles them before anything is measured.
        singleJobLifecycles(Math.max(100, singleJobs / 4));
        specBuilds(Math.max(100, singleJobs / 4));

        double lifecycle = singleJobLifecycles(singleJobs);
        double baseline = specBuilds(singleJobs);
        out.printf("single job, 2 h simulated: %.1f us per submit+await (baseline spec build %.2f us, ratio %.1fx)%n",
                lifecycle, baseline, lifecycle / baseline);
        out.printf("  goal < %.0f us per job: %s (%.2f of the goal)%n", GOAL_MICROS_PER_JOB,
                lifecycle < GOAL_MICROS_PER_JOB ? "met" : "MISSED", lifecycle / GOAL_MICROS_PER_JOB);

        BulkFigures together = awaitTogether(bulkJobs);
        BulkFigures oneByOne = awaitOneByOne(bulkJobs);
        out.printf("%d jobs awaited together: %.0f ms (%.1f us per job), %d batch polls = %d status calls%n",
                bulkJobs, together.millis, together.millis * 1000 / bulkJobs, together.polls, together.statusCalls);
        out.printf("%d jobs awaited one by one (baseline): %.0f ms, %d status calls"
                + " (virtual time passed in earlier waits, so later jobs need one poll each)%n",
                bulkJobs, oneByOne.millis, oneByOne.statusCalls);
        out.printf("  awaitAll vs one by one: %.2fx the time, %.4fx the status calls%n",
                together.millis / oneByOne.millis, (double) together.statusCalls / oneByOne.statusCalls);
        return lifecycle;
    }

    private static TrainingJobSpec spec(String name) {
        return TrainingJobSpec.builder().name(name).image("registry.example/xgboost:1.7").instanceType("ml.m5.xlarge")
                .outputUri("s3://bench/out/").maxRuntime(Duration.ofHours(3)).hyperparameter("eta", "0.1").build();
    }

    private static double singleJobLifecycles(int jobs) {
        try (MockProvider ml = MockProvider.create(1)) {
            ml.onAnyJob().completesAfter(SIMULATED_RUNTIME);
            long start = System.nanoTime();
            long completed = 0;
            for (int i = 0; i < jobs; i++) {
                TrainingResult result = ml.submit(spec("job-" + i)).awaitCompletion(Duration.ofHours(3));
                completed += result.succeeded() ? 1 : 0;
            }
            long elapsed = System.nanoTime() - start;
            if (completed != jobs) {
                throw new IllegalStateException("only " + completed + " of " + jobs + " jobs completed");
            }
            return elapsed / 1_000.0 / jobs;
        }
    }

    private static double specBuilds(int jobs) {
        long start = System.nanoTime();
        int hash = 0;
        for (int i = 0; i < jobs; i++) {
            hash += spec("job-" + i).hashCode();
        }
        long elapsed = System.nanoTime() - start;
        if (hash == 42) {
            System.out.print("");
        }
        return elapsed / 1_000.0 / jobs;
    }

    private record BulkFigures(double millis, int polls, long statusCalls) {
    }

    private static BulkFigures awaitTogether(int jobs) {
        try (MockProvider ml = MockProvider.create(2)) {
            List<TrainingJob> submitted = submitMany(ml, jobs);
            AtomicLong calls = countStatusCalls(ml);
            long start = System.nanoTime();
            List<TrainingResult> results = TrainingJob.awaitAll(submitted, Duration.ofHours(6));
            double millis = (System.nanoTime() - start) / 1e6;
            return new BulkFigures(millis, results.get(0).polls(), calls.get());
        }
    }

    private static BulkFigures awaitOneByOne(int jobs) {
        try (MockProvider ml = MockProvider.create(3)) {
            List<TrainingJob> submitted = submitMany(ml, jobs);
            AtomicLong calls = countStatusCalls(ml);
            long start = System.nanoTime();
            for (TrainingJob job : submitted) {
                job.awaitCompletion(Duration.ofHours(6));
            }
            return new BulkFigures((System.nanoTime() - start) / 1e6, -1, calls.get());
        }
    }

    private static List<TrainingJob> submitMany(MockProvider ml, int jobs) {
        List<TrainingJob> submitted = new ArrayList<>(jobs);
        for (int i = 0; i < jobs; i++) {
            ml.onJob("bulk-" + i).completesAfter(Duration.ofMinutes(60 + i % 120));
            submitted.add(ml.submit(spec("bulk-" + i)));
        }
        return submitted;
    }

    private static AtomicLong countStatusCalls(MockProvider ml) {
        AtomicLong calls = new AtomicLong();
        ml.addInterceptor(new Interceptor() {
            @Override
            public void beforeCall(BackendCall call) {
                if (call.operation().startsWith("training.describe")) {
                    calls.incrementAndGet();
                }
            }
        });
        return calls;
    }
}
