package io.mlplane.training.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlplane.core.ConflictException;
import io.mlplane.core.MlProvider;
import io.mlplane.core.WaitOptions;
import io.mlplane.core.WaitTimeoutException;
import io.mlplane.training.HyperbandResources;
import io.mlplane.training.Objective;
import io.mlplane.training.Parameter;
import io.mlplane.training.Scaling;
import io.mlplane.training.Strategy;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.Trial;
import io.mlplane.training.TuningJob;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.TuningJobStatus;
import io.mlplane.training.TuningResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every backend's tuning jobs must show. Subclasses implement {@link #createFixture()}. */
public abstract class AbstractTuningContractTest {

    protected TuningFixture fixture;
    protected MlProvider ml;

    protected abstract TuningFixture createFixture();

    @BeforeEach
    void setUpFixture() {
        fixture = createFixture();
        ml = fixture.provider();
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    /** A smooth objective with its maximum at eta = 0.1, max_depth = 6, booster = dart. */
    protected static double auc(Map<String, String> hp) {
        double eta = Double.parseDouble(hp.get("eta"));
        double depth = Double.parseDouble(hp.get("max_depth"));
        double booster = "dart".equals(hp.get("booster")) ? 0.02 : 0.0;
        return 0.9 - Math.pow(Math.log10(eta) + 1, 2) * 0.05 - Math.pow(depth - 6, 2) * 0.002 + booster;
    }

    private TuningJobSpec.Builder spec(String name, String template) {
        return TuningJobSpec.builder().name(name).trainingTemplate(fixture.template(name, template).build())
                .objective(Objective.maximize("validation:auc"))
                .parameter(Parameter.continuous("eta", 0.001, 1.0, Scaling.LOGARITHMIC))
                .parameter(Parameter.integer("max_depth", 2, 10))
                .parameter(Parameter.categorical("booster", "gbtree", "dart"))
                .maxTrials(12).maxParallelTrials(3).randomSeed(7L);
    }

    @Test
    void tuningRunsTheTrialsWithinTheRangesAndFindsTheBest() {
        fixture.objective("search", Duration.ofMinutes(20), AbstractTuningContractTest::auc);
        List<String> progress = new ArrayList<>();
        AtomicInteger overParallel = new AtomicInteger();

        TuningJob job = ml.submit(spec("search", "churn").build());
        TuningResult result = job.awaitCompletion(WaitOptions.builder().timeout(fixture.longTimeout()).listener(change -> {
            progress.add(change.current());
            if (job.describe().trials().stream().filter(t -> t.status() == TrainingJobStatus.IN_PROGRESS).count() > 3) {
                overParallel.incrementAndGet();
            }
        }).build());

        assertThat(result.status()).isEqualTo(TuningJobStatus.COMPLETED);
        assertThat(result.trials()).hasSize(12).allSatisfy(trial -> {
            assertThat(trial.trainingJobName()).as("trials are named after the template (or, where the backend decides, the tuning job)")
                    .matches("(churn|search)-.+");
            assertThat(trial.status()).isEqualTo(TrainingJobStatus.COMPLETED);
            assertThat(trial.hyperparameters()).containsOnlyKeys("eta", "max_depth", "booster");
            assertThat(Double.parseDouble(trial.hyperparameters().get("eta"))).isBetween(0.001, 1.0);
            assertThat(trial.hyperparameters().get("max_depth")).matches("[2-9]|10");
            assertThat(trial.hyperparameters().get("booster")).isIn("gbtree", "dart");
            assertThat(trial.objectiveValue()).isCloseTo(auc(trial.hyperparameters()), org.assertj.core.api.Assertions.within(1e-6));
        });
        assertThat(result.trials()).extracting(Trial::trainingJobName).doesNotHaveDuplicates();
        Trial best = result.best().orElseThrow();
        assertThat(result.trials()).allSatisfy(t -> assertThat(t.objectiveValue()).isLessThanOrEqualTo(best.objectiveValue()));
        assertThat(job.bestTrial()).contains(best);
        assertThat(overParallel).as("never more than maxParallelTrials at once").hasValue(0);
        assertThat(progress).last().asString().startsWith("Completed: 12/12 trials, best validation:auc=");
        assertThat(progress).anySatisfy(p -> assertThat(p).startsWith("InProgress: "));
    }

    @Test
    void gridSearchTriesEveryCombinationOnce() {
        fixture.objective("grid", Duration.ofMinutes(5), hp -> hp.get("booster").length() + hp.get("objective").length());
        TuningJobSpec grid = TuningJobSpec.builder().name("grid").trainingTemplate(fixture.template("grid", "gridded").build())
                .objective(Objective.maximize("validation:auc")).strategy(Strategy.GRID).maxParallelTrials(2)
                .parameter(Parameter.categorical("booster", "gbtree", "dart"))
                .parameter(Parameter.categorical("objective", "binary:logistic", "binary:hinge", "reg:squarederror")).build();

        TuningResult result = ml.submit(grid).awaitCompletion(fixture.longTimeout());

        assertThat(result.trials()).hasSize(6);
        Set<Map<String, String>> combinations = new HashSet<>();
        result.trials().forEach(t -> combinations.add(t.hyperparameters()));
        assertThat(combinations).hasSize(6);
        assertThat(result.best().orElseThrow().hyperparameters()).containsEntry("objective", "reg:squarederror");
    }

    @Test
    void hyperbandRunsItsTrialsWithinTheResourceBudget() {
        fixture.objective("banded", Duration.ofMinutes(10), AbstractTuningContractTest::auc);
        TuningJobSpec hyperband = spec("banded", "band").strategy(Strategy.HYPERBAND)
                .trainingTemplate(fixture.template("banded", "band").hyperparameter("epochs", 9).build())
                .hyperbandResources(HyperbandResources.of(1, 9)).maxTrials(9).maxParallelTrials(9).build();

        TuningResult result = ml.submit(hyperband).awaitCompletion(fixture.longTimeout());

        assertThat(result.status()).isEqualTo(TuningJobStatus.COMPLETED);
        assertThat(result.trials()).isNotEmpty().hasSizeLessThanOrEqualTo(9).allSatisfy(trial -> {
            assertThat(trial.status()).isIn(TrainingJobStatus.COMPLETED, TrainingJobStatus.STOPPED);
            assertThat(trial.hyperparameters()).containsKeys("eta", "max_depth", "booster");
        });
        Trial best = result.best().orElseThrow();
        assertThat(best.objectiveValue()).isCloseTo(auc(best.hyperparameters()), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void theSameSeedGivesTheSameTrials() {
        fixture.objective("seeded-a", Duration.ofMinutes(5), AbstractTuningContractTest::auc);
        fixture.objective("seeded-b", Duration.ofMinutes(5), AbstractTuningContractTest::auc);

        List<Map<String, String>> a = ml.submit(spec("seeded-a", "a").build()).awaitCompletion(fixture.longTimeout())
                .trials().stream().map(Trial::hyperparameters).toList();
        List<Map<String, String>> b = ml.submit(spec("seeded-b", "b").build()).awaitCompletion(fixture.longTimeout())
                .trials().stream().map(Trial::hyperparameters).toList();

        assertThat(a).isEqualTo(b);
    }

    @Test
    void stoppedTuningStopsItsRunningTrials() {
        fixture.runsForever("halted");
        TuningJob job = ml.submit(spec("halted", "halt").build());

        job.stop();

        assertThat(job.status()).isIn(TuningJobStatus.STOPPING, TuningJobStatus.STOPPED);
        TuningResult result = job.awaitCompletion(fixture.longTimeout());
        assertThat(result.status()).isEqualTo(TuningJobStatus.STOPPED);
        assertThat(result.trials()).allSatisfy(t -> assertThat(t.status()).isIn(TrainingJobStatus.STOPPED,
                TrainingJobStatus.COMPLETED));
    }

    @Test
    void awaitingBeyondTheDeadlineThrowsATypedTimeout() {
        fixture.runsForever("endless-search");
        TuningJob job = ml.submit(spec("endless-search", "endless").build());

        assertThatThrownBy(() -> job.awaitCompletion(fixture.shortTimeout()))
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> assertThat(e.pending()).containsOnlyKeys("endless-search"));
        job.stop();
    }

    @Test
    void resubmittingIsIdempotentAndADifferentSpecIsAConflict() {
        TuningJob first = ml.submit(spec("twice", "twice").build());

        assertThat(ml.submit(spec("twice", "twice").build()).name()).isEqualTo(first.name());
        assertThatThrownBy(() -> ml.submit(spec("twice", "twice").maxTrials(13).build())).isInstanceOf(ConflictException.class);
        assertThat(ml.list(TuningJob.class)).extracting(TuningJob::name).containsOnlyOnce("twice");
        assertThat(ml.get(TuningJob.class, "never")).isEmpty();
    }
}
