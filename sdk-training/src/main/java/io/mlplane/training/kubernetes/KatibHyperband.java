package io.mlplane.training.kubernetes;

import io.mlplane.core.spi.PlanBodies;
import io.mlplane.core.spi.Violations;
import io.mlplane.training.Parameter;
import io.mlplane.training.TuningJobSpec;
import java.util.List;
import java.util.Map;

/**
 * Katib's hyperband for a tuning job: it sets each trial's budget through a hyperparameter ({@code resource_name},
 * here the template's static {@code epochs}-like one) up to {@code r_l} (the spec's maximum resource, or that
 * hyperparameter's value), and starts its first bracket at once, so it needs that many parallel trials (what its
 * suggestion service checks in ValidateAlgorithmSettings).
 */
final class KatibHyperband {

    /** Katib's hyperband divides each bracket by this. */
    static final int ETA = 3;

    private KatibHyperband() {
    }

    /** The budget parameter Katib searches besides the tuned ones: from the minimum resource up to {@code r_l}. */
    static Parameter budgetParameter(TuningJobSpec spec) {
        int min = spec.hyperbandResources() == null ? 1 : spec.hyperbandResources().minResource();
        return Parameter.integer(spec.budgetHyperparameter(), min, Math.max(min + 1, maxResource(spec)));
    }

    /** The algorithm settings: {@code resource_name}, {@code eta}, {@code r_l}. */
    static List<Map<String, Object>> settings(TuningJobSpec spec) {
        return List.of(
                PlanBodies.map("name", "resource_name", "value", spec.budgetHyperparameter()),
                PlanBodies.map("name", "eta", "value", Integer.toString(ETA)),
                PlanBodies.map("name", "r_l", "value", Integer.toString(maxResource(spec))));
    }

    /** {@code r_l}: the spec's maximum resource, or the value of the budget hyperparameter (0 if it has none). */
    static int maxResource(TuningJobSpec spec) {
        if (spec.hyperbandResources() != null) {
            return spec.hyperbandResources().maxResource();
        }
        String budget = spec.budgetHyperparameter();
        try {
            return budget == null ? 0 : Integer.parseInt(spec.trainingTemplate().hyperparameters().get(budget).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The parallel trials its first bracket needs: {@code ceil(eta^floor(log_eta(r_l)))}. */
    static int minParallel(int maxResource) {
        int sMax = (int) (Math.log(maxResource) / Math.log(ETA));
        return (int) Math.ceil(Math.pow(ETA, sMax));
    }

    /** Records what keeps {@code spec} from running under Katib's hyperband. */
    static void validate(TuningJobSpec spec, Violations v) {
        if (!v.check(spec.budgetHyperparameter() != null, "trainingTemplate.hyperparameters", "Katib's hyperband sets each"
                + " trial's budget through a hyperparameter: give the template a static 'epochs' (or numepochs, n-epochs,"
                + " n_epochs, num_epochs) hyperparameter that the training program reads")) {
            return;
        }
        int maxResource = maxResource(spec);
        if (v.check(maxResource >= 1, "trainingTemplate.hyperparameters['" + spec.budgetHyperparameter() + "']",
                "must be a whole number of at least 1, Katib's hyperband budget (r_l), or set hyperbandResources")) {
            int parallel = minParallel(maxResource);
            v.check(spec.maxParallelTrials() >= parallel, "maxParallelTrials", "must be at least " + parallel
                    + " for Katib's hyperband with a maximum resource of " + maxResource + " (its first bracket runs at once)"
                    + " but is " + spec.maxParallelTrials());
        }
    }
}
