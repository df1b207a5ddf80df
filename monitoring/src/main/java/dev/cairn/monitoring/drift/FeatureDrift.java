package dev.cairn.monitoring.drift;

/**
 * How one input feature (or the predictions) of a window compares with the reference. Statistics that do not apply
 * to the feature's kind are NaN: KS for categorical features, chi-square for numeric ones.
 *
 * @param kind {@code numeric}, {@code categorical} or {@code prediction}
 * @param count rows in the window
 * @param missingRate share of rows with the feature missing
 * @param outOfRangeRate numeric: share of present values outside the training [min, max]
 * @param unseenRate categorical: share of present values never seen in training
 * @param invalidRate share of cells that violate the schema (text in a numeric feature)
 */
public record FeatureDrift(String feature, String kind, long count, double psi, double ks, double ksPValue,
        double chiSquare, double chiSquarePValue, double jensenShannon, double missingRate, double outOfRangeRate,
        double unseenRate, double invalidRate) {

    /** A numeric feature's statistics from bin counts over the reference's bins. */
    public static FeatureDrift numeric(String feature, long[] reference, long[] observed, long rows, long missing,
            long outOfRange, long invalid) {
        var ks = KolmogorovSmirnov.test(reference, observed);
        long present = rows - missing - invalid;
        return new FeatureDrift(feature, "numeric", rows, Psi.of(reference, observed), ks.statistic(), ks.pValue(),
                Double.NaN, Double.NaN, JensenShannon.distance(reference, observed), rate(missing, rows),
                rate(outOfRange, present), Double.NaN, rate(invalid, rows));
    }

    /** A categorical feature's (or the predictions') statistics from counts over the same categories. */
    public static FeatureDrift categorical(String feature, String kind, long[] reference, long[] observed, long rows,
            long missing, long unseen) {
        var chi = ChiSquare.test(reference, observed);
        return new FeatureDrift(feature, kind, rows, Psi.of(reference, observed), Double.NaN, Double.NaN,
                chi.statistic(), chi.pValue(), JensenShannon.distance(reference, observed), rate(missing, rows),
                Double.NaN, rate(unseen, rows - missing), 0);
    }

    /** The value of a statistic by its name in alert rules and metrics; NaN for an unknown name. */
    public double value(String statistic) {
        return switch (statistic) {
            case "psi" -> psi;
            case "ks" -> ks;
            case "ks_p_value" -> ksPValue;
            case "chi_square" -> chiSquare;
            case "chi_square_p_value" -> chiSquarePValue;
            case "jensen_shannon" -> jensenShannon;
            case "missing_rate" -> missingRate;
            case "out_of_range_rate" -> outOfRangeRate;
            case "unseen_rate" -> unseenRate;
            case "invalid_rate" -> invalidRate;
            default -> Double.NaN;
        };
    }

    /** The names {@link #value} knows, in the order metrics are exported. */
    public static final java.util.List<String> STATISTICS = java.util.List.of("psi", "ks", "ks_p_value", "chi_square",
            "chi_square_p_value", "jensen_shannon", "missing_rate", "out_of_range_rate", "unseen_rate", "invalid_rate");

    private static double rate(long part, long whole) {
        return whole <= 0 ? 0 : (double) part / whole;
    }
}
