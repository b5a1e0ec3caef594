package io.mlplane.core.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local backend's shared state for its drivers: the configuration, the pool that runs jobs (at most
 * {@link LocalConfig#maxConcurrentJobs()} at once), and what must happen when the provider closes (running
 * jobs are stopped, as their records then say).
 */
public final class LocalContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalContext.class);

    private final LocalConfig config;
    private final ExecutorService jobs;
    private final List<Runnable> closeHooks = new CopyOnWriteArrayList<>();

    LocalContext(LocalConfig config) {
        this.config = config;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread thread = new Thread(r, "mlplane-local-job-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.jobs = Executors.newFixedThreadPool(config.maxConcurrentJobs(), threads);
    }

    /** The configuration. */
    public LocalConfig config() {
        return config;
    }

    /** Runs jobs, at most {@code maxConcurrentJobs} at a time. */
    public ExecutorService jobs() {
        return jobs;
    }

    /** Registers work to do when the provider closes, before the job pool shuts down. */
    public void onClose(Runnable hook) {
        closeHooks.add(hook);
    }

    @Override
    public void close() {
        for (Runnable hook : closeHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.warn("closing the local backend: {}", e.toString());
            }
        }
        jobs.shutdownNow();
        try {
            jobs.awaitTermination(config.stopGracePeriod().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
