package io.mlplane.training.internal.search;

import io.mlplane.training.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Bayesian optimization with the Tree-structured Parzen Estimator (Bergstra et al., 2011): the finished trials
 * are split into the best fraction {@code gamma} ("good") and the rest; for each parameter a Parzen density is
 * fitted to each group in the parameter's unit space (Gaussian kernels plus a uniform prior; smoothed counts for
 * categories); candidates are drawn from the good density and the one maximizing good/bad density is proposed.
 * The first {@code startup} trials are random.
 *
 * <p>Why TPE: it handles continuous, integer and categorical parameters alike, costs O(n) per proposal, needs no
 * matrix algebra or kernel fitting (nothing to add to an embedded SDK), and parallel proposals stay diverse
 * because each draws its own candidates.
 */
public final class TpeSearch implements SearchStrategy {

    private final List<Parameter> parameters;
    private final int startup;
    private final double gamma;
    private final int candidates;
    private final RandomSearch random;

    /** The usual settings: 10 random trials, the best 25 % as good, 24 candidates per proposal. */
    public TpeSearch(List<Parameter> parameters) {
        this(parameters, 10, 0.25, 24);
    }

    public TpeSearch(List<Parameter> parameters, int startup, double gamma, int candidates) {
        this.parameters = List.copyOf(parameters);
        this.startup = startup;
        this.gamma = gamma;
        this.candidates = candidates;
        this.random = new RandomSearch(parameters);
    }

    @Override
    public Map<String, String> next(List<Observation> history, List<Map<String, String>> pending, RandomGenerator rng) {
        if (history.size() < startup) {
            return random.next(history, pending, rng);
        }
        List<Observation> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparingDouble(Observation::score).reversed());
        int goodCount = Math.max(1, (int) Math.ceil(gamma * sorted.size()));
        List<Observation> good = sorted.subList(0, goodCount);
        List<Observation> bad = sorted.subList(goodCount, sorted.size());
        Map<String, String> point = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            point.put(p.name(), propose(p, good, bad, rng));
        }
        return point;
    }

    private String propose(Parameter p, List<Observation> good, List<Observation> bad, RandomGenerator rng) {
        if (p.type() == Parameter.Type.CATEGORICAL) {
            double[] l = categorical(p, good);
            double[] g = categorical(p, bad);
            int best = 0;
            double bestRatio = -1;
            for (int c = 0; c < candidates; c++) {
                int index = sample(l, rng);
                double ratio = l[index] / g[index];
                if (ratio > bestRatio) {
                    bestRatio = ratio;
                    best = index;
                }
            }
            return p.values().get(best);
        }
        Parzen l = new Parzen(units(p, good));
        Parzen g = new Parzen(units(p, bad));
        double best = 0.5;
        double bestRatio = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            double u = l.sample(rng);
            double ratio = Math.log(l.density(u)) - Math.log(g.density(u));
            if (ratio > bestRatio) {
                bestRatio = ratio;
                best = u;
            }
        }
        return UnitSpace.fromUnit(p, best);
    }

    private static double[] units(Parameter p, List<Observation> observations) {
        return observations.stream().mapToDouble(o -> UnitSpace.toUnit(p, o.point().get(p.name()))).toArray();
    }

    /** Category weights: counts plus one (a uniform prior), normalized. */
    private static double[] categorical(Parameter p, List<Observation> observations) {
        double[] weights = new double[p.values().size()];
        java.util.Arrays.fill(weights, 1.0);
        for (Observation o : observations) {
            int index = p.values().indexOf(o.point().get(p.name()));
            if (index >= 0) {
                weights[index] += 1.0;
            }
        }
        double total = java.util.Arrays.stream(weights).sum();
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    private static int sample(double[] weights, RandomGenerator rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * A mixture on [0, 1] of truncated Gaussians at the observations (bandwidth: the larger distance to a
     * neighbour, at least 1 / (1 + n), at most 1) and a uniform prior of weight one observation.
     */
    private static final class Parzen {
        private final double[] centers;
        private final double[] widths;

        Parzen(double[] points) {
            this.centers = points.clone();
            java.util.Arrays.sort(centers);
            this.widths = new double[centers.length];
            double floor = 1.0 / (1 + centers.length);
            for (int i = 0; i < centers.length; i++) {
                double left = i > 0 ? centers[i] - centers[i - 1] : centers[i];
                double right = i + 1 < centers.length ? centers[i + 1] - centers[i] : 1 - centers[i];
                widths[i] = Math.min(1.0, Math.max(floor, Math.max(left, right)));
            }
        }

        double sample(RandomGenerator rng) {
            int component = rng.nextInt(centers.length + 1);
            if (component == centers.length) {
                return rng.nextDouble();
            }
            for (int attempt = 0; attempt < 100; attempt++) {
                double u = centers[component] + widths[component] * rng.nextGaussian();
                if (u >= 0 && u <= 1) {
                    return u;
                }
            }
            return rng.nextDouble();
        }

        double density(double u) {
            double sum = 1.0; // the uniform prior
            for (int i = 0; i < centers.length; i++) {
                double z = (u - centers[i]) / widths[i];
                double mass = Phi((1 - centers[i]) / widths[i]) - Phi(-centers[i] / widths[i]);
                sum += Math.exp(-0.5 * z * z) / (widths[i] * Math.sqrt(2 * Math.PI)) / Math.max(mass, 1e-12);
            }
            return sum / (centers.length + 1);
        }

        /** The standard normal distribution function (Abramowitz and Stegun 7.1.26 through erf). */
        private static double Phi(double x) {
            double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
            double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                    * t * Math.exp(-x * x / 2);
            return 0.5 * (1 + Math.signum(x) * erf);
        }
    }
}
