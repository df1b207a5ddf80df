package dev.cairn.api.pipelines.search;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** One hyperparameter of a search space and the values it may take. */
public sealed interface Dimension {

    /** Points a grid search tries on a real range: both ends and three between (log-spaced on a log range). */
    int GRID_POINTS = 5;

    String name();

    /** A value drawn uniformly (log-uniformly on a log range). */
    Object sample(RandomGenerator random);

    /** The values a grid search tries, in order. */
    List<Object> grid();

    /** {@code {min, max, log}}: any real number between min and max. */
    record RealRange(String name, double min, double max, boolean log) implements Dimension {
        @Override
        public Object sample(RandomGenerator random) {
            return fromUnit(random.nextDouble());
        }

        @Override
        public List<Object> grid() {
            var points = new ArrayList<Object>();
            for (int i = 0; i < GRID_POINTS; i++) {
                points.add(fromUnit(i / (double) (GRID_POINTS - 1)));
            }
            return points;
        }

        /** Where {@code value} lies in the range, 0 to 1, on the scale values are drawn on. */
        double toUnit(double value) {
            return log ? (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (value - min) / (max - min);
        }

        double fromUnit(double u) {
            double value = log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
            return Math.min(max, Math.max(min, value));
        }
    }

    /** {@code [a, b]}: every whole number from a to b. */
    record IntRange(String name, long min, long max) implements Dimension {
        @Override
        public Object sample(RandomGenerator random) {
            return min + random.nextLong(max - min + 1);
        }

        @Override
        public List<Object> grid() {
            var points = new ArrayList<Object>();
            for (long v = min; v <= max; v++) {
                points.add(v);
            }
            return points;
        }

        long size() {
            return max - min + 1;
        }
    }

    /** {@code {choices: [...]}}: one of the listed values. */
    record Choices(String name, List<Object> values) implements Dimension {
        @Override
        public Object sample(RandomGenerator random) {
            return values.get(random.nextInt(values.size()));
        }

        @Override
        public List<Object> grid() {
            return values;
        }
    }
}
