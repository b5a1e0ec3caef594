package io.mlplane.training.internal;

import io.mlplane.core.spi.PlanBodies;
import io.mlplane.training.TuningJobSpec;
import java.util.Map;

/** A backend-neutral view of a {@link TuningJobSpec} as a plan body, for backends without a wire format (mock, local). */
public final class TuningSpecMap {

    private TuningSpecMap() {
    }

    /** The spec as an ordered map, with the training template as {@link TrainingSpecMap} shows it. */
    public static Map<String, Object> of(TuningJobSpec spec) {
        return PlanBodies.map(
                "name", spec.name(), "strategy", spec.strategy().wireName(),
                "objective", PlanBodies.map("metric", spec.objective().metric(), "maximize", spec.objective().maximize()),
                "parameters", spec.parameters().stream().map(p -> PlanBodies.map("name", p.name(), "type", p.type().name(),
                        "min", p.min() == null ? "" : p.format(p.min()), "max", p.max() == null ? "" : p.format(p.max()),
                        "values", p.values(), "scaling", p.scaling().wireName())).toList(),
                "maxTrials", spec.maxTrials() == null ? 0 : spec.maxTrials(), "maxParallelTrials", spec.maxParallelTrials(),
                "earlyStopping", spec.earlyStopping(), "trainingTemplate", TrainingSpecMap.of(spec.trainingTemplate()));
    }
}
