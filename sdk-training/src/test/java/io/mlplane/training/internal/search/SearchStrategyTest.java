package io.mlplane.training.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlplane.training.Parameter;
import io.mlplane.training.Scaling;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchStrategyTest {

    private static final List<Parameter> SPACE = List.of(Parameter.continuous("lr", 1e-4, 1e-1, Scaling.LOGARITHMIC),
            Parameter.continuous("momentum", 0.5, 0.999, Scaling.REVERSE_LOGARITHMIC), Parameter.integer("depth", 2, 12),
            Parameter.categorical("optimizer", "sgd", "adam", "rmsprop"));

    @Test
    void unitSpaceRoundTripsEveryKindOfParameter() {
        for (Parameter p : SPACE) {
            for (double u : new double[] {0.0, 0.1, 0.5, 0.9, 1.0}) {
                String value = UnitSpace.fromUnit(p, u);
                String again = UnitSpace.fromUnit(p, UnitSpace.toUnit(p, value));
                assertThat(again).as("%s at %s", p.name(), u).isEqualTo(value);
            }
        }
        Parameter lr = SPACE.get(0);
        assertThat(Double.parseDouble(UnitSpace.fromUnit(lr, 0.5))).isCloseTo(Math.sqrt(1e-4 * 1e-1), within(1e-9));
        assertThat(UnitSpace.fromUnit(SPACE.get(2), 1.0)).isEqualTo("12");
    }

    @Test
    void strategiesProposeValuesInsideTheSpace() {
        SplittableRandom random = new SplittableRandom(5);
        List<Observation> history = new ArrayList<>();
        TpeSearch tpe = new TpeSearch(SPACE);
        for (int i = 0; i < 60; i++) {
            Map<String, String> point = (i % 2 == 0 ? tpe : new RandomSearch(SPACE)).next(history, List.of(), random);
            double lr = Double.parseDouble(point.get("lr"));
            double momentum = Double.parseDouble(point.get("momentum"));
            assertThat(lr).isBetween(1e-4, 1e-1);
            assertThat(momentum).isBetween(0.5, 0.999);
            assertThat(point.get("depth")).matches("[2-9]|1[0-2]");
            assertThat(point.get("optimizer")).isIn("sgd", "adam", "rmsprop");
            history.add(new Observation(point, -Math.abs(Math.log10(lr) + 2)));
        }
    }

    @Test
    void afterItsRandomStartTpeConcentratesWhereTheScoresAreGood() {
        List<Parameter> line = List.of(Parameter.continuous("x", 0, 1));
        SplittableRandom random = new SplittableRandom(11);
        TpeSearch tpe = new TpeSearch(line);
        List<Observation> history = new ArrayList<>();
        List<Double> late = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double x = Double.parseDouble(tpe.next(history, List.of(), random).get("x"));
            history.add(new Observation(Map.of("x", Double.toString(x)), -Math.abs(x - 0.7)));
            if (i >= 40) {
                late.add(Math.abs(x - 0.7));
            }
        }
        double meanDistance = late.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(meanDistance).as("uniform proposals would average 0.29 from 0.7").isLessThan(0.1);
    }

    @Test
    void benchmarkHarnessReportsMediansAndRatios() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        double[] ratios = SearchBenchmark.run(3, 200, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(ratios).hasSize(2);
        assertThat(ratios[0]).isPositive();
        assertThat(ratios[1]).isPositive();
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .containsPattern("Branin +regret <= 0.10: BAYESIAN \\(TPE\\) [0-9.]+, RANDOM [0-9.]+, ratio [0-9.]+")
                .contains("Hartmann-6");
    }
}
