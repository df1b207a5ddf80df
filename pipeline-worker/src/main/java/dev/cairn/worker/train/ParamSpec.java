package dev.cairn.worker.train;

import dev.cairn.worker.task.StepFailure;

/**
 * One hyperparameter an algorithm accepts: its name in the spec, whether it is a whole number, its
 * bounds and its default. The upper bound is inclusive; {@code max} is infinite when there is none.
 */
record ParamSpec(String name, boolean whole, double min, boolean minExclusive, double max, Number defaultValue) {

    /** A whole number of at least {@code min}. */
    static ParamSpec whole(String name, int min, int defaultValue) {
        return whole(name, min, Integer.MAX_VALUE, defaultValue);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    static ParamSpec whole(String name, int min, int max, int defaultValue) {
        return new ParamSpec(name, true, min, false, max, defaultValue);
    }

    /** A number greater than 0. */
    static ParamSpec positive(String name, double defaultValue) {
        return new ParamSpec(name, false, 0, true, Double.POSITIVE_INFINITY, defaultValue);
    }

    /** A share: greater than 0 and at most 1. */
    static ParamSpec fraction(String name, double defaultValue) {
        return new ParamSpec(name, false, 0, true, 1, defaultValue);
    }

    /** The given value checked and converted (Integer for whole numbers, Double otherwise). */
    Number accept(String algorithm, Object given) {
        if (!(given instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw invalid(algorithm, given, "must be a number");
        }
        double value = number.doubleValue();
        if (whole && (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE)) {
            throw invalid(algorithm, given, "must be a whole number");
        }
        if (minExclusive ? value <= min : value < min) {
            throw invalid(algorithm, given, minExclusive ? "must be greater than " + format(min) : "must be at least " + format(min));
        }
        if (value > max) {
            throw invalid(algorithm, given, "must be at most " + format(max));
        }
        if (whole) {
            return (int) value; // not a ?: expression, which would promote the Integer to a Double
        }
        return value;
    }

    private StepFailure invalid(String algorithm, Object given, String rule) {
        String shown = given instanceof String ? "'" + given + "'" : String.valueOf(given);
        return new StepFailure("parameter '" + name + "' for " + algorithm + " " + rule + ", got " + shown);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
