package io.mlplane.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command, end to end on the local backend. */
class QuickstartTest {

    @TempDir
    Path root;

    @Test
    void trainsARealModelThroughASpotInterruptionAndResumesFromTheCheckpoint() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        TrainingResult result = Quickstart.run(root.resolve("work"), root.resolve("files"),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(result.succeeded()).as(printed).isTrue();
        assertThat(result.statusHistory()).extracting(StatusTransition::status).containsOnlyOnce(SecondaryStatus.INTERRUPTED);
        assertThat(result.finalMetrics().get("validation:accuracy")).isGreaterThan(0.8);
        assertThat(Path.of(URI.create(result.modelArtifactUri()))).exists().hasFileName("model.tar.gz");
        assertThat(printed).contains("on the local backend")
                .containsPattern("\\+ *[0-9.]+s  Interrupted +Spot capacity was reclaimed")
                .containsPattern("\\+ *[0-9.]+s  InProgress/\\w+ -> Completed/Completed")
                .containsPattern("Resume: resumed from checkpoint at epoch [1-9][0-9]* \\(restart 1\\)")
                .contains("Result: Completed after 1 spot interruption(s)")
                .contains("model.tar.gz")
                .containsPattern("spot savings: +\\d+\\.\\d%")
                .contains("Tuning learning_rate and epochs with 6 trials")
                .containsPattern("Completed: 6/6 trials, best validation:accuracy=0\\.\\d+")
                .containsPattern("Best trial: quickstart-logreg-[0-9-]+-tune-00[1-6] with \\{.*learning_rate=.*\\} -> validation accuracy 0\\.\\d{4}");
    }
}
