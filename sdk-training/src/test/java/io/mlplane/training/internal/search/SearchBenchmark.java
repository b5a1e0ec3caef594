package io.mlplane.training.internal.search;

import io.mlplane.training.Parameter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * How many trials the local BAYESIAN strategy (TPE) needs to get within a target regret of the optimum of standard
 * test functions, against RANDOM as the baseline in the same run: the median over seeds for each, and the
 * ratio (goal: at most 0.5). A harness, not a unit test.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests install}): {@code mvn -B -q -pl sdk-training exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.mlplane.training.internal.search.SearchBenchmark}
 * (optional {@code -Dexec.args="seeds budget"}).
 */
public final class SearchBenchmark {

    /** A test function to minimize, with its known minimum and the regret counted as reached. */
    record Problem(String name, List<Parameter> parameters, ToDoubleFunction<Map<String, String>> f, double minimum,
            double targetRegret) {
    }

    static double x(Map<String, String> point, String name) {
        return Double.parseDouble(point.get(name));
    }

    /** Branin-Hoo on [-5, 10] x [0, 15]; minimum 0.397887 at three points. */
    static final Problem BRANIN = new Problem("Branin",
            List.of(Parameter.continuous("x1", -5, 10), Parameter.continuous("x2", 0, 15)), p -> {
                double x1 = x(p, "x1");
                double x2 = x(p, "x2");
                double b = 5.1 / (4 * Math.PI * Math.PI);
                double c = 5 / Math.PI;
                double t = 1 / (8 * Math.PI);
                return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
            }, 0.397887, 0.1);

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8},
        {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
        {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991}, {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
        {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    /** Hartmann-6 on [0, 1]^6; minimum -3.32237. */
    static final Problem HARTMANN6 = new Problem("Hartmann-6", hartmannParameters(), p -> {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                inner += A[i][j] * Math.pow(x(p, "x" + j) - P[i][j], 2);
            }
            sum += ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }, -3.32237, 0.5);

    private static List<Parameter> hartmannParameters() {
        List<Parameter> parameters = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            parameters.add(Parameter.continuous("x" + j, 0, 1));
        }
        return parameters;
    }

    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int budget = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        run(seeds, budget, System.out);
    }

    /** Runs every problem and returns the ratios (median BAYESIAN trials / median RANDOM trials). */
    public static double[] run(int seeds, int budget, PrintStream out) {
        List<Problem> problems = List.of(BRANIN, HARTMANN6);
        double[] ratios = new double[problems.size()];
        out.printf(Locale.ROOT, "trials to reach the target regret, median over %d seeds (budget %d; not reached counts as %d)%n",
                seeds, budget, budget + 1);
        for (int k = 0; k < problems.size(); k++) {
            Problem problem = problems.get(k);
            double bayes = median(problem, seeds, budget, TpeSearch::new);
            double random = median(problem, seeds, budget, RandomSearch::new);
            ratios[k] = bayes / random;
            out.printf(Locale.ROOT, "  %-11s regret <= %.2f: BAYESIAN (TPE) %.1f, RANDOM %.1f, ratio %.2f (goal <= 0.50: %s)%n",
                    problem.name(), problem.targetRegret(), bayes, random, ratios[k], ratios[k] <= 0.5 ? "met" : "MISSED");
        }
        return ratios;
    }

    private static double median(Problem problem, int seeds, int budget, Function<List<Parameter>, SearchStrategy> strategy) {
        double[] counts = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            counts[seed] = trialsToTarget(problem, strategy.apply(problem.parameters()), new SplittableRandom(1000 + seed), budget);
        }
        Arrays.sort(counts);
        return seeds % 2 == 1 ? counts[seeds / 2] : (counts[seeds / 2 - 1] + counts[seeds / 2]) / 2;
    }

    static int trialsToTarget(Problem problem, SearchStrategy strategy, SplittableRandom random, int budget) {
        List<Observation> history = new ArrayList<>();
        for (int trial = 1; trial <= budget; trial++) {
            Map<String, String> point = strategy.next(history, List.of(), random);
            double value = problem.f().applyAsDouble(point);
            if (value - problem.minimum() <= problem.targetRegret()) {
                return trial;
            }
            history.add(new Observation(point, -value));
        }
        return budget + 1;
    }
}
