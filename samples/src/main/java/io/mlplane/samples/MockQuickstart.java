package io.mlplane.samples;

import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.StatusChange;
import io.mlplane.core.WaitOptions;
import io.mlplane.core.mock.MockProvider;
import io.mlplane.training.Channel;
import io.mlplane.training.InputMode;
import io.mlplane.training.Spot;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingResult;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * The mock-backend quickstart: submits a managed-spot training job with a Pipe-mode channel, follows its status walk
 * while waiting, and prints the result with the spot savings. Runs on the in-memory mock backend, where
 * two hours of training (and two spot interruptions) pass in milliseconds of virtual time.
 */
public final class MockQuickstart {

    /** The job this sample trains. */
    public static final String JOB_NAME = "churn-xgb-spot";

    private MockQuickstart() {
    }

    /** Runs the sample on a fresh mock backend. */
    public static void main(String[] args) {
        try (MockProvider ml = MlProviders.mock()) {
            ml.onJob(JOB_NAME).completesAfter(Duration.ofHours(2)).interruptedBySpot(2)
                    .withMetric("validation:auc", 0.912).withMetric("train:auc", 0.948);
            run(ml, System.out);
        }
    }

    /** The spot training job: XGBoost on churn data, train channel streamed in Pipe mode. */
    public static TrainingJobSpec spec() {
        return TrainingJobSpec.builder()
                .name(JOB_NAME)
                .image("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1")
                .instanceType("ml.m5.2xlarge")
                .channel(Channel.builder().name("train").uri("s3://acme-ml/churn/train/").contentType("text/csv")
                        .inputMode(InputMode.PIPE).build())
                .channel(Channel.builder().name("validation").uri("s3://acme-ml/churn/validation/")
                        .contentType("text/csv").build())
                .hyperparameter("objective", "binary:logistic")
                .hyperparameter("num_round", 300)
                .hyperparameter("eta", 0.1)
                .metricDefinition("validation:auc", "validation-auc:([0-9\\.]+)")
                .outputUri("s3://acme-ml/churn/models/")
                .maxRuntime(Duration.ofHours(3))
                .spot(Spot.builder().maxWait(Duration.ofHours(6)).checkpointUri("s3://acme-ml/churn/checkpoints/").build())
                .tag("team", "growth")
                .build();
    }

    /** {@code spec} with every channel read as files, for platforms without Pipe mode (Kubernetes). */
    public static TrainingJobSpec withFileInput(TrainingJobSpec spec) {
        return spec.toBuilder().inputMode(InputMode.FILE).channels(spec.channels().stream()
                .map(c -> c.toBuilder().inputMode(InputMode.FILE).build()).toList()).build();
    }

    /** Submits {@link #spec()} to {@code ml}, waits for it while printing its progress, and prints the result. */
    public static TrainingResult run(MlProvider ml, PrintStream out) {
        TrainingJobSpec spec = spec();
        out.println("Submitting spot training job '" + spec.name() + "' to the " + ml.backend() + " backend");
        TrainingJob job = ml.submit(spec);
        Instant start = job.describe().creationTime();

        TrainingResult result = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(8))
                .listener(change -> out.println("  " + elapsed(start, change.at()) + "  " + describe(change))).build());

        out.println("Status walk:");
        for (StatusTransition t : result.statusHistory()) {
            out.printf("  %s  %-12s %s%n", elapsed(start, t.startTime()), t.status().wireName(), t.message());
        }
        out.println("Result: " + result.status().wireName() + " after " + result.polls() + " polls");
        out.println("  model artifact:   " + result.modelArtifactUri());
        out.println("  final metrics:    " + result.finalMetrics());
        out.println("  training seconds: " + result.trainingSeconds());
        out.println("  billable seconds: " + result.billableSeconds());
        result.spotSavingsPercent().ifPresent(p -> out.printf("  spot savings:     %.1f%%%n", p));
        return result;
    }

    private static String describe(StatusChange change) {
        return (change.previous() == null ? "" : change.previous() + " -> ") + change.current();
    }

    private static String elapsed(Instant start, Instant at) {
        Duration d = Duration.between(start, at);
        return String.format("+%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
