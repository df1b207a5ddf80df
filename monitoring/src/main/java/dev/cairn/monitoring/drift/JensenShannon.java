package dev.cairn.monitoring.drift;

/**
 * Jensen–Shannon distance: the square root of the Jensen–Shannon divergence, in bits (log base 2), so it lies in
 * [0, 1]: 0 for identical distributions, 1 for distributions with disjoint support. With m = (p + q) / 2,
 * JSD = ½ Σ p_i log2(p_i / m_i) + ½ Σ q_i log2(q_i / m_i). It is finite with empty bins (a term with p_i = 0 is
 * 0), so no smoothing is applied. SciPy's {@code jensenshannon(p, q, base=2)} gives the same number.
 */
public final class JensenShannon {

    private JensenShannon() {
    }

    public static double distance(long[] reference, long[] observed) {
        Psi.requireSameLength(reference, observed);
        double[] p = Smoothing.raw(reference);
        double[] q = Smoothing.raw(observed);
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) {
                divergence += 0.5 * p[i] * log2(p[i] / m);
            }
            if (q[i] > 0) {
                divergence += 0.5 * q[i] * log2(q[i] / m);
            }
        }
        return Math.sqrt(Math.max(0, divergence)); // rounding can leave -1e-17
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
