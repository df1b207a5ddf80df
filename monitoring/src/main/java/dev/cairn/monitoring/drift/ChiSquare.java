package dev.cairn.monitoring.drift;

/**
 * Chi-square test of homogeneity between the reference and the observed category counts (a 2 × k contingency table).
 * Both are samples, so the expected count of category i in each is its pooled share times that sample's size:
 * E_ri = (r_i + o_i) · R / N and E_oi = (r_i + o_i) · O / N, with R = Σr, O = Σo, N = R + O. The statistic is
 * Σ (r_i − E_ri)² / E_ri + Σ (o_i − E_oi)² / E_oi over categories seen in either sample, with k − 1 degrees of
 * freedom. A category never seen in training (r_i = 0, o_i > 0) has a positive expected count in both rows, so
 * unseen categories count as drift without any smoothing; categories seen in neither are left out.
 */
public final class ChiSquare {

    /** The statistic, its degrees of freedom and P(χ²_df ≥ statistic); p is 1 when there is nothing to compare. */
    public record Result(double statistic, int degreesOfFreedom, double pValue) {
    }

    private ChiSquare() {
    }

    public static Result test(long[] reference, long[] observed) {
        Psi.requireSameLength(reference, observed);
        double r = 0;
        double o = 0;
        int categories = 0;
        for (int i = 0; i < reference.length; i++) {
            r += reference[i];
            o += observed[i];
            categories += reference[i] + observed[i] > 0 ? 1 : 0;
        }
        if (r == 0 || o == 0 || categories < 2) {
            return new Result(0, 0, 1);
        }
        double n = r + o;
        double statistic = 0;
        for (int i = 0; i < reference.length; i++) {
            double pooled = reference[i] + observed[i];
            if (pooled == 0) {
                continue;
            }
            double expectedR = pooled * r / n;
            double expectedO = pooled * o / n;
            statistic += square(reference[i] - expectedR) / expectedR + square(observed[i] - expectedO) / expectedO;
        }
        int df = categories - 1;
        return new Result(statistic, df, survival(statistic, df));
    }

    /** P(χ²_df ≥ x) = Q(df / 2, x / 2). */
    public static double survival(double x, int degreesOfFreedom) {
        return Gamma.upperRegularized(degreesOfFreedom / 2.0, x / 2.0);
    }

    private static double square(double x) {
        return x * x;
    }
}
