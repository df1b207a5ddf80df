package dev.cairn.api.pipelines.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Tree-structured Parzen Estimator (Bergstra et al., 2011), written for Cairn. The finished trials are
 * split into the best {@value #GAMMA} ("good") and the rest ("bad"); each parameter gets two density
 * estimates, l from the good trials and g from the bad ones, and of {@value #CANDIDATES} candidates drawn
 * from l the one with the highest l/g (summed in log space over the parameters) is proposed. The first
 * trials, before there is a history worth modelling, are drawn at random.
 *
 * <p>Every parameter is modelled on [0, 1]: real ranges by their position (log position on log ranges),
 * whole-number ranges by the middle of their value's slot, choices as categories with counts.
 */
final class TpeProposer implements Proposer {
    static final double GAMMA = 0.25;
    static final int CANDIDATES = 24;

    private final SearchSpace space;
    private final long seed;
    private final int startup;
    private final RandomProposer random;

    TpeProposer(SearchSpace space, long seed, int trials) {
        this.space = space;
        this.seed = seed;
        // A quarter of the budget explores at random, at least 3 and at most 10 trials.
        this.startup = Math.max(3, Math.min(10, trials / 4));
        this.random = new RandomProposer(space, seed);
    }

    @Override
    public Map<String, Object> propose(int number, List<Observation> history) {
        if (history.size() < startup) {
            return random.propose(number, history);
        }
        var sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparingDouble(Observation::score).reversed().thenComparingInt(Observation::number));
        int goodCount = Math.max(1, (int) Math.ceil(GAMMA * sorted.size()));
        var good = sorted.subList(0, goodCount);
        var bad = sorted.subList(goodCount, sorted.size());
        RandomGenerator rng = Proposer.randomFor(seed, number);
        var models = space.dimensions().stream().map(d -> ParzenPair.of(d, good, bad)).toList();
        Map<String, Object> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            var candidate = new LinkedHashMap<String, Object>();
            double score = 0;
            for (var model : models) {
                double u = model.sampleGood(rng);
                score += model.logRatio(u);
                candidate.put(model.dimension().name(), model.value(u));
            }
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /** The good and bad densities of one parameter, on [0, 1] (categories: index + 0.5 over the count). */
    record ParzenPair(Dimension dimension, Density good, Density bad) {
        static ParzenPair of(Dimension d, List<Observation> good, List<Observation> bad) {
            return new ParzenPair(d, density(d, good), density(d, bad));
        }

        double sampleGood(RandomGenerator rng) {
            return good.sample(rng);
        }

        double logRatio(double u) {
            return Math.log(good.at(u)) - Math.log(bad.at(u));
        }

        Object value(double u) {
            return switch (dimension) {
                case Dimension.RealRange r -> r.fromUnit(u);
                case Dimension.IntRange r -> r.min() + Math.min(r.size() - 1, (long) Math.floor(u * r.size()));
                case Dimension.Choices c -> c.values().get(Math.min(c.values().size() - 1, (int) Math.floor(u * c.values().size())));
            };
        }

        private static Density density(Dimension d, List<Observation> observations) {
            var points = new ArrayList<Double>();
            for (var o : observations) {
                Object v = o.params().get(d.name());
                if (v != null) {
                    points.add(unit(d, v));
                }
            }
            return d instanceof Dimension.Choices c ? new Categorical(c.values().size(), points)
                    : new Parzen(points);
        }

        static double unit(Dimension d, Object value) {
            return switch (d) {
                case Dimension.RealRange r -> Math.min(1, Math.max(0, r.toUnit(((Number) value).doubleValue())));
                case Dimension.IntRange r -> (((Number) value).longValue() - r.min() + 0.5) / r.size();
                case Dimension.Choices c -> {
                    int index = 0;
                    for (int i = 0; i < c.values().size(); i++) {
                        if (String.valueOf(c.values().get(i)).equals(String.valueOf(value))) {
                            index = i;
                        }
                    }
                    yield (index + 0.5) / c.values().size();
                }
            };
        }
    }

    interface Density {
        double at(double u);

        double sample(RandomGenerator rng);
    }

    /**
     * A mixture of normals truncated to [0, 1], one per observation, with a width that reaches the
     * farther neighbour (so isolated points spread, clustered ones stay sharp), plus a uniform prior
     * with the weight of one observation, so no region ever has zero density.
     */
    record Parzen(double[] mus, double[] sigmas) implements Density {
        Parzen(List<Double> points) {
            this(points.stream().mapToDouble(Double::doubleValue).toArray(), widths(points));
        }

        private static double[] widths(List<Double> points) {
            var sorted = points.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double min = 1.0 / Math.min(100, points.size() + 1);
            var sigmas = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                double x = points.get(i);
                int at = java.util.Arrays.binarySearch(sorted, x);
                double left = at > 0 ? sorted[at - 1] : 0;
                double right = at < sorted.length - 1 ? sorted[at + 1] : 1;
                sigmas[i] = Math.min(1, Math.max(min, Math.max(x - left, right - x)));
            }
            return sigmas;
        }

        @Override
        public double at(double u) {
            double sum = 1; // the uniform prior's density on [0, 1]
            for (int i = 0; i < mus.length; i++) {
                sum += truncatedNormal(u, mus[i], sigmas[i]);
            }
            return sum / (mus.length + 1);
        }

        @Override
        public double sample(RandomGenerator rng) {
            int component = rng.nextInt(mus.length + 1);
            if (component == mus.length) {
                return rng.nextDouble();
            }
            for (int tries = 0; tries < 100; tries++) {
                double u = mus[component] + sigmas[component] * rng.nextGaussian();
                if (u >= 0 && u <= 1) {
                    return u;
                }
            }
            return Math.min(1, Math.max(0, mus[component]));
        }

        private static double truncatedNormal(double u, double mu, double sigma) {
            double z = (u - mu) / sigma;
            double mass = phi((1 - mu) / sigma) - phi(-mu / sigma);
            return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI)) / Math.max(mass, 1e-12);
        }

        /** Standard normal CDF through erf (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
        static double phi(double z) {
            double x = Math.abs(z) / Math.sqrt(2);
            double t = 1 / (1 + 0.3275911 * x);
            double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                    + t * 1.061405429)))) * Math.exp(-x * x);
            return 0.5 * (1 + Math.signum(z) * erf);
        }
    }

    /** Category frequencies with one pseudo-observation spread evenly over the categories. */
    record Categorical(double[] weights) implements Density {
        Categorical(int categories, List<Double> points) {
            this(weights(categories, points));
        }

        private static double[] weights(int categories, List<Double> points) {
            var weights = new double[categories];
            java.util.Arrays.fill(weights, 1.0 / categories);
            points.forEach(p -> weights[Math.min(categories - 1, (int) Math.floor(p * categories))] += 1);
            double total = points.size() + 1;
            for (int i = 0; i < categories; i++) {
                weights[i] /= total;
            }
            return weights;
        }

        @Override
        public double at(double u) {
            return weights[Math.min(weights.length - 1, (int) Math.floor(u * weights.length))];
        }

        @Override
        public double sample(RandomGenerator rng) {
            double r = rng.nextDouble();
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return (i + 0.5) / weights.length;
                }
            }
            return (weights.length - 0.5) / weights.length;
        }
    }
}
