package io.mlplane.samples;

import io.mlplane.core.Backoff;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.StatusChange;
import io.mlplane.core.WaitOptions;
import io.mlplane.core.local.LocalConfig;
import io.mlplane.training.Channel;
import io.mlplane.training.Objective;
import io.mlplane.training.Parameter;
import io.mlplane.training.Scaling;
import io.mlplane.training.Strategy;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.Spot;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingResult;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.TuningResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * The quickstart, on the {@code local} backend (the embedded default): trains a real logistic-regression model
 * on data it generates with a fixed seed, as a managed-spot job that is interrupted once (simulated) and
 * resumes from its checkpoint; it shows the status walk while waiting and prints the final metrics, the path
 * of {@code model.tar.gz} and the spot savings; then it tunes the learning rate and the number of epochs with a
 * handful of Bayesian trials and prints the best one. No cloud, no Docker, no network.
 */
public final class Quickstart {

    private Quickstart() {
    }

    /** Runs the quickstart with job records in {@code ~/.mlplane/local}. */
    public static void main(String[] args) throws IOException {
        Path home = Path.of(System.getProperty("user.home"), ".mlplane");
        run(home.resolve("local"), home.resolve("quickstart"), System.out);
    }

    /**
     * Generates the data under {@code files}, runs the job on a local provider working in {@code workDirectory},
     * and prints what happens to {@code out}.
     */
    public static TrainingResult run(Path workDirectory, Path files, PrintStream out) throws IOException {
        String name = "quickstart-logreg-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path data = files.resolve(name);
        Path train = writeCsv(data.resolve("train"), 4000, 42);
        Path validation = writeCsv(data.resolve("validation"), 1000, 43);
        LocalConfig config = LocalConfig.builder().workDirectory(workDirectory)
                .spotInterruptions(name, Duration.ofMillis(900)).build();
        TrainingJobSpec spec = TrainingJobSpec.builder()
                .name(name)
                .algorithm(new LogisticRegression())
                .instanceType("ml.m5.large")
                .channel(Channel.builder().name("train").uri(uri(train)).contentType("text/csv").build())
                .channel(Channel.builder().name("validation").uri(uri(validation)).contentType("text/csv").build())
                .hyperparameter("epochs", 40)
                .hyperparameter("learning_rate", 0.5)
                .hyperparameter("epoch_pause_ms", 40)
                .outputUri(uri(data.resolve("output")))
                .maxRuntime(Duration.ofMinutes(5))
                .spot(Spot.builder().maxWait(Duration.ofMinutes(10)).checkpointUri(uri(data.resolve("checkpoints"))).build())
                .build();

        try (MlProvider ml = MlProviders.local(config)) {
            out.println("Training '" + name + "' on the " + ml.backend() + " backend (spot, one simulated interruption)");
            TrainingJob job = ml.submit(spec);
            Instant start = job.describe().creationTime();
            // Poll every 100 ms so that the progress lines follow the job closely; phases shorter than that
            // may still be skipped here, but never in the status walk printed afterwards.
            TrainingResult result = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofMinutes(2))
                    .backoff(Backoff.fixed(Duration.ofMillis(100)))
                    .listener(change -> out.println("  " + elapsed(start, change.at()) + "  " + describe(change))).build());

            out.println("Status walk:");
            for (StatusTransition t : result.statusHistory()) {
                out.printf(Locale.ROOT, "  %s  %-12s %s%n", elapsed(start, t.startTime()), t.status().wireName(), t.message());
            }
            job.logs().stream().filter(l -> l.message().startsWith("resumed")).findFirst()
                    .ifPresent(l -> out.println("Resume: " + l.message()));
            long interruptions = result.statusHistory().stream().filter(t -> t.status() == SecondaryStatus.INTERRUPTED).count();
            out.println("Result: " + result.status().wireName() + " after " + interruptions + " spot interruption(s)");
            out.printf(Locale.ROOT, "  validation accuracy: %.4f, train loss: %.5f%n",
                    result.finalMetrics().getOrDefault("validation:accuracy", Double.NaN),
                    result.finalMetrics().getOrDefault("train:loss", Double.NaN));
            out.println("  model artifact:      " + (result.modelArtifactUri() == null ? "-" : Path.of(URI.create(result.modelArtifactUri()))));
            out.println("  training seconds:    " + result.trainingSeconds() + ", billable seconds: " + result.billableSeconds());
            result.spotSavingsPercent().ifPresent(p -> out.printf(Locale.ROOT,
                    "  spot savings:        %.1f%% (simulated: local spot bills %.0f%% of running time)%n", p,
                    config.spotBilledShare() * 100));
            tune(ml, spec, out);
            return result;
        }
    }

    /** A short tuning step: a handful of Bayesian trials over the learning rate and the number of epochs. */
    static TuningResult tune(MlProvider ml, TrainingJobSpec trained, PrintStream out) {
        TrainingJobSpec template = trained.toBuilder().name(trained.name() + "-tune").spot(null)
                .hyperparameter("epoch_pause_ms", 0)
                .metricDefinition("validation:accuracy", "validation_accuracy=([0-9.]+)").build();
        TuningJobSpec tuning = TuningJobSpec.builder()
                .name("qs-tune-" + trained.name().substring(trained.name().length() - 10))
                .trainingTemplate(template)
                .objective(Objective.maximize("validation:accuracy"))
                .parameter(Parameter.continuous("learning_rate", 0.001, 1.0, Scaling.LOGARITHMIC))
                .parameter(Parameter.integer("epochs", 5, 60))
                .strategy(Strategy.BAYESIAN).maxTrials(6).maxParallelTrials(2).randomSeed(42L)
                .build();
        out.println("Tuning learning_rate and epochs with " + tuning.maxTrials() + " trials (" + tuning.name() + "):");
        TuningResult result = ml.submit(tuning).awaitCompletion(WaitOptions.builder().timeout(Duration.ofMinutes(2))
                .backoff(Backoff.fixed(Duration.ofMillis(100)))
                .listener(change -> out.println("  " + change.current())).build());
        result.best().ifPresent(best -> out.printf(Locale.ROOT, "Best trial: %s with %s -> validation accuracy %.4f%n",
                best.trainingJobName(), best.hyperparameters(), best.objectiveValue()));
        return result;
    }

    /** Two Gaussian blobs in two dimensions, labelled 0 and 1, as CSV in {@code dir}. */
    static Path writeCsv(Path dir, int rows, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            int label = random.nextInt(2);
            double center = label == 1 ? 1.0 : -1.0;
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%d%n", center + random.nextGaussian(),
                    center * 0.5 + random.nextGaussian(), label));
        }
        Files.writeString(dir.resolve("part-0.csv"), csv.toString());
        return dir;
    }

    private static String uri(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "file://" + path.toAbsolutePath() + "/";
    }

    private static String describe(StatusChange change) {
        return (change.previous() == null ? "" : change.previous() + " -> ") + change.current();
    }

    private static String elapsed(Instant start, Instant at) {
        Duration d = Duration.between(start, at);
        return String.format(Locale.ROOT, "+%5.2fs", d.toMillis() / 1000.0);
    }
}
