package io.mlplane.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlplane.core.mock.MockProvider;
import io.mlplane.core.mock.junit.EnableMlMock;
import io.mlplane.training.InputMode;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests the mock quickstart the way a user tests their own code: against an injected mock backend. */
@EnableMlMock
class MockQuickstartTest {

    MockProvider ml;

    @Test
    void trainsOnSpotThroughInterruptionsAndPrintsTheSavings() {
        ml.onJob(MockQuickstart.JOB_NAME).completesAfter(Duration.ofHours(2)).interruptedBySpot(1).billableSeconds(2000)
                .withMetric("validation:auc", 0.9);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        TrainingResult result = MockQuickstart.run(ml, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.statusHistory()).extracting(StatusTransition::status).containsOnlyOnce(SecondaryStatus.INTERRUPTED);
        assertThat(printed).contains("Submitting spot training job 'churn-xgb-spot' to the mock backend")
                .contains("InProgress/Training -> InProgress/Interrupted")
                .contains("Result: Completed")
                .contains("billable seconds: 2000")
                .containsPattern("spot savings: +\\d+\\.\\d%");
        TrainingJobSpec submitted = ml.submittedSpecs(TrainingJobSpec.class).get(0);
        assertThat(submitted.spotEnabled()).isTrue();
        assertThat(submitted.channels().get(0).inputMode()).isEqualTo(InputMode.PIPE);
    }

    @Test
    void mainRunsOnItsOwnMockBackend() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            MockQuickstart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("Status walk:").contains("spot savings:")
                .contains("validation:auc=0.912");
    }
}
