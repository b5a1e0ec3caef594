package io.mlplane.training;

import io.mlplane.core.Capability;
import io.mlplane.core.ResourceSpec;
import io.mlplane.core.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A hyperparameter tuning job: trials of a training template with different values of the tuned parameters,
 * searching for the best value of an objective metric. Build with {@link #builder()}; {@code build()} checks
 * every rule (SageMaker's, which all backends share) and reports all problems at once.
 *
 * <p>Tuned parameters replace the template's static hyperparameters of the same name; the others stay as they
 * are. Trials are named after the template, with a trial number appended.
 *
 * @param name the tuning job's name: 1 to 32 letters, digits and hyphens
 * @param trainingTemplate what each trial trains; its metric definitions must define the objective metric
 * @param objective the metric to maximize or minimize
 * @param parameters the searched hyperparameters, 1 to 30
 * @param strategy how trials are chosen (default {@link Strategy#BAYESIAN})
 * @param maxTrials how many trials at most; must be unset for {@link Strategy#GRID}, which tries every combination
 * @param maxParallelTrials how many trials run at once (default 1)
 * @param earlyStopping whether trials unlikely to beat the best so far are stopped early
 * @param hyperbandResources the trials' resource budget for {@link Strategy#HYPERBAND}, or {@code null}
 * @param warmStart earlier tuning jobs to learn from, or {@code null}
 * @param randomSeed a seed that makes the search reproducible, or {@code null}
 * @param tags at most 50 tags
 */
public record TuningJobSpec(String name, TrainingJobSpec trainingTemplate, Objective objective,
        List<Parameter> parameters, Strategy strategy, @Nullable Integer maxTrials, int maxParallelTrials,
        boolean earlyStopping, @Nullable HyperbandResources hyperbandResources, @Nullable WarmStart warmStart,
        @Nullable Long randomSeed, Map<String, String> tags) implements ResourceSpec<TuningJob> {

    /**
     * Copies the collections and checks every rule; prefer {@link #builder()}.
     *
     * @throws ValidationException listing every invalid field
     */
    public TuningJobSpec {
        parameters = List.copyOf(parameters);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        TuningJobSpecValidator.validate(name, trainingTemplate, objective, parameters, strategy, maxTrials,
                maxParallelTrials, earlyStopping, hyperbandResources, warmStart, randomSeed, tags);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        return builder().name(name).trainingTemplate(trainingTemplate).objective(objective).parameters(parameters)
                .strategy(strategy).maxTrials(maxTrials).maxParallelTrials(maxParallelTrials).earlyStopping(earlyStopping)
                .hyperbandResources(hyperbandResources).warmStart(warmStart).randomSeed(randomSeed).tags(tags);
    }

    @Override
    public Class<TuningJob> resourceType() {
        return TuningJob.class;
    }

    @Override
    public Set<Capability> requiredCapabilities() {
        Set<Capability> needed = EnumSet.of(Capability.HYPERPARAMETER_TUNING);
        needed.addAll(trainingTemplate.requiredCapabilities());
        return Collections.unmodifiableSet(needed);
    }

    /** The parameter named {@code name}, if it is tuned. */
    public @Nullable Parameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** The template's hyperparameters that are not tuned: every trial gets them as they are. */
    public Map<String, String> staticHyperparameters() {
        Map<String, String> statics = new LinkedHashMap<>(trainingTemplate.hyperparameters());
        parameters.forEach(p -> statics.remove(p.name()));
        return Collections.unmodifiableMap(statics);
    }

    /**
     * The template's static hyperparameter that counts a trial's resources, as SageMaker looks for it when it
     * infers Hyperband's maximum: the first of {@code epochs}, {@code numepochs}, {@code n-epochs},
     * {@code n_epochs}, {@code num_epochs}; or null.
     */
    public @Nullable String budgetHyperparameter() {
        return budgetHyperparameter(trainingTemplate, parameters);
    }

    static @Nullable String budgetHyperparameter(TrainingJobSpec template, List<Parameter> tuned) {
        for (String key : List.of("epochs", "numepochs", "n-epochs", "n_epochs", "num_epochs")) {
            if (template.hyperparameters().containsKey(key) && tuned.stream().noneMatch(p -> p.name().equals(key))) {
                return key;
            }
        }
        return null;
    }

    /** Builds a {@link TuningJobSpec}; {@link #build()} validates everything at once. */
    public static final class Builder {
        private String name = "";
        private @Nullable TrainingJobSpec trainingTemplate;
        private @Nullable Objective objective;
        private final List<Parameter> parameters = new ArrayList<>();
        private Strategy strategy = Strategy.BAYESIAN;
        private @Nullable Integer maxTrials;
        private int maxParallelTrials = 1;
        private boolean earlyStopping;
        private @Nullable HyperbandResources hyperbandResources;
        private @Nullable WarmStart warmStart;
        private @Nullable Long randomSeed;
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder() {
        }

        /** The tuning job's name (required). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name == null");
            return this;
        }

        /** What each trial trains (required). */
        public Builder trainingTemplate(TrainingJobSpec template) {
            this.trainingTemplate = Objects.requireNonNull(template, "template == null");
            return this;
        }

        /** The objective (required). */
        public Builder objective(Objective objective) {
            this.objective = Objects.requireNonNull(objective, "objective == null");
            return this;
        }

        /** Adds a tuned parameter. */
        public Builder parameter(Parameter parameter) {
            parameters.add(Objects.requireNonNull(parameter, "parameter == null"));
            return this;
        }

        /** Replaces the tuned parameters. */
        public Builder parameters(List<Parameter> parameters) {
            this.parameters.clear();
            parameters.forEach(this::parameter);
            return this;
        }

        /** The search strategy (default Bayesian). */
        public Builder strategy(Strategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy == null");
            return this;
        }

        /** How many trials at most (required except for grid search). */
        public Builder maxTrials(@Nullable Integer maxTrials) {
            this.maxTrials = maxTrials;
            return this;
        }

        /** How many trials run at once (default 1). */
        public Builder maxParallelTrials(int maxParallelTrials) {
            this.maxParallelTrials = maxParallelTrials;
            return this;
        }

        /** Stops unpromising trials early. */
        public Builder earlyStopping(boolean earlyStopping) {
            this.earlyStopping = earlyStopping;
            return this;
        }

        /** The trials' resource budget, for Hyperband. */
        public Builder hyperbandResources(@Nullable HyperbandResources hyperbandResources) {
            this.hyperbandResources = hyperbandResources;
            return this;
        }

        /** Learns from earlier tuning jobs. */
        public Builder warmStart(@Nullable WarmStart warmStart) {
            this.warmStart = warmStart;
            return this;
        }

        /** Makes the search reproducible. */
        public Builder randomSeed(@Nullable Long randomSeed) {
            this.randomSeed = randomSeed;
            return this;
        }

        /** Adds or replaces a tag. */
        public Builder tag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        /** Replaces the tags. */
        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            tags.forEach(this::tag);
            return this;
        }

        /**
         * The spec.
         *
         * @throws ValidationException listing every invalid field with its path
         */
        public TuningJobSpec build() {
            return new TuningJobSpec(name, trainingTemplate, objective, parameters, strategy, maxTrials,
                    maxParallelTrials, earlyStopping, hyperbandResources, warmStart, randomSeed, tags);
        }
    }
}
