package io.mlplane.samples;

import io.mlplane.training.spi.TrainingAlgorithm;
import io.mlplane.training.spi.TrainingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Binary logistic regression by full-batch gradient descent, written as a {@link TrainingAlgorithm}: it reads
 * CSV rows {@code x1,...,xn,label} from the {@code train} and {@code validation} channels, checkpoints its
 * weights after every epoch and resumes from the checkpoint after a spot interruption, reports
 * {@code train:loss} and {@code validation:accuracy}, and writes the model as text.
 *
 * <p>Hyperparameters: {@code epochs} (default 40), {@code learning_rate} (default 0.5) and
 * {@code epoch_pause_ms} (default 0; a pause per epoch so that a demo on tiny data lasts long enough to watch).
 */
public final class LogisticRegression implements TrainingAlgorithm {

    @Override
    public void train(TrainingContext ctx) throws Exception {
        int epochs = Integer.parseInt(ctx.hyperparameters().getOrDefault("epochs", "40"));
        double rate = Double.parseDouble(ctx.hyperparameters().getOrDefault("learning_rate", "0.5"));
        long pause = Long.parseLong(ctx.hyperparameters().getOrDefault("epoch_pause_ms", "0"));
        List<double[]> train = read(ctx.channels().get("train"));
        List<double[]> validation = read(ctx.channels().get("validation"));
        int features = train.get(0).length - 1;

        Path checkpoint = ctx.checkpointDir().resolve("weights.txt");
        double[] w = new double[features + 1];
        int epoch = 0;
        if (Files.exists(checkpoint)) {
            String[] saved = Files.readString(checkpoint).strip().split(" ");
            epoch = Integer.parseInt(saved[0]);
            for (int i = 0; i <= features; i++) {
                w[i] = Double.parseDouble(saved[i + 1]);
            }
            ctx.log("resumed from checkpoint at epoch " + epoch + " (restart " + ctx.restarts() + ")");
        }
        while (epoch < epochs) {
            if (ctx.stopRequested()) {
                ctx.log("stop requested at epoch " + epoch + "; the checkpoint is saved");
                return;
            }
            double[] gradient = new double[features + 1];
            double loss = 0;
            for (double[] row : train) {
                double p = predict(w, row);
                double y = row[features];
                loss -= y * Math.log(p + 1e-12) + (1 - y) * Math.log(1 - p + 1e-12);
                for (int i = 0; i < features; i++) {
                    gradient[i] += (p - y) * row[i];
                }
                gradient[features] += p - y;
            }
            for (int i = 0; i <= features; i++) {
                w[i] -= rate * gradient[i] / train.size();
            }
            epoch++;
            loss /= train.size();
            double accuracy = accuracy(w, validation);
            ctx.metric("train:loss", loss);
            ctx.metric("validation:accuracy", accuracy);
            ctx.log(String.format(Locale.ROOT, "epoch=%d train_loss=%.5f validation_accuracy=%.4f", epoch, loss, accuracy));
            StringBuilder state = new StringBuilder().append(epoch);
            for (double weight : w) {
                state.append(' ').append(weight);
            }
            Files.writeString(checkpoint, state.toString());
            if (pause > 0) {
                Thread.sleep(pause);
            }
        }
        StringBuilder model = new StringBuilder("# logistic regression weights, bias last\n");
        for (double weight : w) {
            model.append(weight).append('\n');
        }
        Files.writeString(ctx.modelDir().resolve("weights.txt"), model.toString(), StandardCharsets.UTF_8);
    }

    private static double predict(double[] w, double[] row) {
        double z = w[w.length - 1];
        for (int i = 0; i < w.length - 1; i++) {
            z += w[i] * row[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static double accuracy(double[] w, List<double[]> rows) {
        int correct = 0;
        for (double[] row : rows) {
            correct += (predict(w, row) >= 0.5) == (row[row.length - 1] >= 0.5) ? 1 : 0;
        }
        return (double) correct / rows.size();
    }

    private static List<double[]> read(Path channel) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(channel)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        rows.add(Stream.of(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                    }
                }
            }
        }
        return rows;
    }
}
