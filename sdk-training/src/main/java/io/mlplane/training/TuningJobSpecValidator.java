package io.mlplane.training;

import io.mlplane.core.spi.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules of {@link TuningJobSpec}, from CreateHyperParameterTuningJob in the SageMaker service model and
 * guide: name, ranges and scaling, categorical values, trial counts, and what the grid and Hyperband
 * strategies demand.
 */
final class TuningJobSpecValidator {

    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}");
    static final int MAX_NAME = 32;
    static final int MAX_PARAMETERS = 30;
    static final int MAX_CATEGORICAL_VALUES = 30;
    static final int MAX_VALUE_LENGTH = 256;
    static final int MAX_PARENTS = 5;
    static final int MAX_TAGS = 50;
    /** Hyperband's most resources (epochs) per trial. */
    static final int MAX_RESOURCE = 20_000;
    /** Room left in a training job name for the trial suffix ({@code -001} … {@code -999}). */
    static final int MAX_TEMPLATE_NAME = TrainingJobSpecValidator.MAX_NAME - 4;

    private TuningJobSpecValidator() {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    static void validate(@Nullable String name, @Nullable TrainingJobSpec template, @Nullable Objective objective,
            List<Parameter> parameters, @Nullable Strategy strategy, @Nullable Integer maxTrials, int maxParallelTrials,
            boolean earlyStopping, @Nullable HyperbandResources hyperband, @Nullable WarmStart warmStart,
            @Nullable Long randomSeed, Map<String, String> tags) {
        Violations v = Violations.of("TuningJobSpec" + (name == null || name.isBlank() ? "" : " '" + name + "'"));
        if (v.required("name", name) && v.length("name", name, 1, MAX_NAME)) {
            v.matches("name", name, NAME, "must contain only letters, digits and hyphens and start and end with a letter or digit");
        }
        if (v.required("trainingTemplate", template)) {
            v.length("trainingTemplate.name", template.name(), 1, MAX_TEMPLATE_NAME);
        }
        if (v.required("objective", objective) && template != null) {
            v.check(template.metricDefinitions().stream().anyMatch(d -> d.name().equals(objective.metric())),
                    "objective.metric", "'" + objective.metric() + "' is not one of the template's metric definitions "
                            + template.metricDefinitions().stream().map(MetricDefinition::name).toList());
        }
        v.required("strategy", strategy);
        if (v.check(!parameters.isEmpty(), "parameters", "must hold at least one parameter to tune")) {
            v.maxSize("parameters", parameters, MAX_PARAMETERS);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            parameter(v.at("parameters[" + i + "]"), parameters.get(i), names, strategy);
        }
        if (strategy == Strategy.GRID) {
            v.check(maxTrials == null, "maxTrials", "must be unset for grid search, which tries every combination");
        } else if (v.required("maxTrials", maxTrials)) {
            v.range("maxTrials", maxTrials, 1, Integer.MAX_VALUE);
        }
        if (v.range("maxParallelTrials", maxParallelTrials, 1, Integer.MAX_VALUE) && maxTrials != null && maxTrials >= 1) {
            v.check(maxParallelTrials <= maxTrials, "maxParallelTrials",
                    "must be at most maxTrials (" + maxTrials + ") but is " + maxParallelTrials);
        }
        if (strategy == Strategy.HYPERBAND) {
            v.check(!earlyStopping, "earlyStopping", "must be off for Hyperband, which stops trials early itself");
            v.check(hyperband != null || template == null
                    || TuningJobSpec.budgetHyperparameter(template, parameters) != null, "hyperbandResources",
                    "Hyperband needs the most resources (epochs) a trial may use: set hyperbandResources(min, max), or give"
                            + " the template a static 'epochs' (or numepochs, n-epochs, n_epochs, num_epochs) hyperparameter");
        }
        if (hyperband != null && v.check(strategy == Strategy.HYPERBAND, "hyperbandResources",
                "applies to the Hyperband strategy only")) {
            if (v.range("hyperbandResources.minResource", hyperband.minResource(), 1, MAX_RESOURCE)) {
                v.range("hyperbandResources.maxResource", hyperband.maxResource(), hyperband.minResource(), MAX_RESOURCE);
            }
        }
        if (warmStart != null) {
            List<String> parents = warmStart.parents();
            v.check(!parents.isEmpty() && parents.size() <= MAX_PARENTS, "warmStart.parents",
                    "must hold between 1 and " + MAX_PARENTS + " tuning jobs but holds " + parents.size());
            for (int i = 0; i < parents.size(); i++) {
                v.matches("warmStart.parents[" + i + "]", parents.get(i), NAME, "must be a tuning job name");
            }
        }
        if (randomSeed != null) {
            v.range("randomSeed", randomSeed, 0, Long.MAX_VALUE);
        }
        v.maxSize("tags", tags.keySet(), MAX_TAGS);
        tags.forEach((key, value) -> v.check(!key.isEmpty() && key.length() <= 128 && value.length() <= 256,
                "tags['" + key + "']", "key length must be 1 to 128 and value length at most 256"));
        v.throwIfAny();
    }

    private static void parameter(Violations v, Parameter p, Set<String> names, @Nullable Strategy strategy) {
        if (v.length("name", p.name(), 1, MAX_VALUE_LENGTH)) {
            v.check(names.add(p.name()), "name", "duplicates the parameter '" + p.name() + "'");
        }
        if (p.type() == Parameter.Type.CATEGORICAL) {
            v.check(!p.values().isEmpty() && p.values().size() <= MAX_CATEGORICAL_VALUES, "values",
                    "must hold between 1 and " + MAX_CATEGORICAL_VALUES + " values but holds " + p.values().size());
            v.check(new HashSet<>(p.values()).size() == p.values().size(), "values", "must not repeat a value");
            for (int i = 0; i < p.values().size(); i++) {
                v.length("values[" + i + "]", p.values().get(i), 1, MAX_VALUE_LENGTH);
            }
            return;
        }
        v.check(strategy != Strategy.GRID, "type", "grid search takes categorical parameters only");
        Double min = p.min();
        Double max = p.max();
        if (!v.check(min != null && max != null && Double.isFinite(min) && Double.isFinite(max), "min",
                "a range needs finite min and max")) {
            return;
        }
        v.check(min < max, "max", "must be greater than min (" + p.format(min) + ") but is " + p.format(max));
        switch (p.scaling()) {
            case LOGARITHMIC -> v.check(min > 0, "min", "must be greater than 0 for logarithmic scaling but is " + p.format(min));
            case REVERSE_LOGARITHMIC -> {
                if (v.check(p.type() == Parameter.Type.CONTINUOUS, "scaling",
                        "reverse logarithmic scaling is for continuous parameters only")) {
                    v.check(min >= 0 && max < 1, "max", "reverse logarithmic scaling needs 0 <= min and max < 1");
                }
            }
            default -> { }
        }
    }
}
