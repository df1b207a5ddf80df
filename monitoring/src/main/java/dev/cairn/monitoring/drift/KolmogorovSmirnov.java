package dev.cairn.monitoring.drift;

/**
 * Two-sample Kolmogorov–Smirnov test on binned data. Monitoring keeps no raw values (memory must stay bounded), only
 * counts over the reference's bins, so D is the largest gap between the two empirical CDFs at the bin edges:
 * D = max_j |F_ref(edge_j) − F_obs(edge_j)|. That is the exact two-sample D of the values rounded to their bins and
 * never more than the D of the raw values, so the test is conservative: it can miss a shift inside one bin, never
 * invent one. With quantile bins of the training data (ten by default) the edges sit where the reference has mass.
 * <p>
 * The p-value is the asymptotic Kolmogorov distribution with the effective size n = R·O / (R + O) and Stephens'
 * small-sample correction λ = (√n + 0.12 + 0.11/√n) · D: p = 2 Σ_{j≥1} (−1)^{j−1} e^{−2 j² λ²}.
 */
public final class KolmogorovSmirnov {

    /** D in [0, 1] and its p-value (1 when either sample is empty). */
    public record Result(double statistic, double pValue) {
    }

    private KolmogorovSmirnov() {
    }

    public static Result test(long[] reference, long[] observed) {
        Psi.requireSameLength(reference, observed);
        double r = sum(reference);
        double o = sum(observed);
        if (r == 0 || o == 0) {
            return new Result(0, 1);
        }
        double cumulativeR = 0;
        double cumulativeO = 0;
        double d = 0;
        for (int i = 0; i < reference.length; i++) {
            cumulativeR += reference[i];
            cumulativeO += observed[i];
            d = Math.max(d, Math.abs(cumulativeR / r - cumulativeO / o));
        }
        double n = r * o / (r + o);
        double sqrtN = Math.sqrt(n);
        return new Result(d, kolmogorovSurvival((sqrtN + 0.12 + 0.11 / sqrtN) * d));
    }

    /** Q_KS(λ) = 2 Σ (−1)^{j−1} e^{−2 j² λ²}; 1 for tiny λ, where the series converges too slowly to sum. */
    static double kolmogorovSurvival(double lambda) {
        if (lambda < 0.2) {
            return 1.0;
        }
        double sum = 0;
        double sign = 1;
        for (int j = 1; j <= 100; j++) {
            double term = sign * Math.exp(-2.0 * j * j * lambda * lambda);
            sum += term;
            if (Math.abs(term) < 1e-16) {
                break;
            }
            sign = -sign;
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }

    private static double sum(long[] counts) {
        double total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }
}
