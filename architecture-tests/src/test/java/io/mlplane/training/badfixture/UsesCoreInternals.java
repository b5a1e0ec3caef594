package io.mlplane.training.badfixture;

import io.mlplane.core.Plan;
import io.mlplane.core.internal.PlanJson;
import java.util.List;

/** Deliberately uses another module's internals. */
public final class UsesCoreInternals {

    String json() {
        return PlanJson.write(new Plan("x", List.of()));
    }
}
