package io.mlplane.samples.bench;

import io.mlplane.core.MlException;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.TimeSource;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.sagemaker.FakeSageMaker;
import io.mlplane.training.sagemaker.SageMakerTestSupport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk submits against a loopback SageMaker that throttles above a requests-per-second limit: how close does the
 * client-side rate limiter get to the limit, and does any throttling reach the caller? The baseline in the same
 * run submits the same jobs with the client-side limiter effectively off (retries still on).
 *
 * <p>Run: {@code mvn -B -q -Pquickstart -DskipTests verify -Dsample.scope=test
 * -Dsample.main=io.mlplane.samples.bench.SageMakerThroughputBenchmark} (optional arguments: limit per second,
 * jobs, submitting threads). Goal: at least 0.9 of the limit with no throttling error surfacing.
 */
public final class SageMakerThroughputBenchmark {

    private SageMakerThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double limit = args.length > 0 && !args[0].isBlank() ? Double.parseDouble(args[0].trim()) : 20;
        int jobs = args.length > 1 ? Integer.parseInt(args[1].trim()) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2].trim()) : 8;
        run(limit, jobs, threads, System.out);
    }

    /** The figures of one run. */
    public record Figures(double achievedPerSecond, double ratio, int surfacedErrors, int throttledByServer) {
    }

    /** Runs the limited run and the baseline; returns the limited run's figures. */
    public static Figures run(double limit, int jobs, int threads, PrintStream out) throws Exception {
        out.printf("SageMaker submit throughput against a fake limited to %.0f requests/s (%d jobs, %d threads)%n",
                limit, jobs, threads);
        Figures limited = submitAll("limited", limit, limit, jobs, threads);
        Figures baseline = submitAll("unlimited", limit, 10_000, jobs, threads);
        print(out, "client limiter at the limit", limited);
        print(out, "baseline, client limiter off", baseline);
        out.printf("  limited vs baseline: %.2fx the server-side throttling, %d vs %d errors surfaced%n",
                baseline.throttledByServer == 0 ? 0.0 : (double) limited.throttledByServer / baseline.throttledByServer,
                limited.surfacedErrors, baseline.surfacedErrors);
        out.printf("  goal >= 0.90 of the limit with 0 throttling errors surfacing: %s%n",
                limited.ratio >= 0.9 && limited.surfacedErrors == 0 ? "met" : "MISSED");
        return limited;
    }

    private static void print(PrintStream out, String label, Figures f) {
        out.printf("  %-30s %6.1f jobs/s = %.2f of the limit, %d errors surfaced, %d requests throttled by the server%n",
                label + ":", f.achievedPerSecond, f.ratio, f.surfacedErrors, f.throttledByServer);
    }

    private static Figures submitAll(String prefix, double serverLimit, double clientLimit, int jobs, int threads)
            throws Exception {
        try (FakeSageMaker fake = new FakeSageMaker(TimeSource.system());
                MlProvider ml = MlProviders.sageMaker(SageMakerTestSupport.config(fake, TimeSource.system())
                        .maxRequestsPerSecond(clientLimit).backoff(Duration.ofMillis(50), Duration.ofSeconds(2))
                        .maxAttempts(10).build())) {
            ml.plan(spec(prefix + "-warmup"));
            fake.limitRequestsPerSecond(serverLimit);
            AtomicInteger errors = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                String name = prefix + "-" + i;
                futures.add(pool.submit(() -> {
                    try {
                        ml.submit(spec(name));
                    } catch (MlException e) {
                        errors.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            int created = fake.jobNames().size();
            double rate = created / seconds;
            return new Figures(rate, rate / serverLimit, errors.get(), fake.throttledByLimit());
        }
    }

    private static TrainingJobSpec spec(String name) {
        return TrainingJobSpec.builder().name(name).image("img:1").instanceType("ml.m5.xlarge")
                .outputUri("s3://bench/out/").build();
    }
}
