package dev.cairn.monitoring.drift;

/**
 * Population Stability Index: Σ (a_i − e_i) · ln(a_i / e_i) over bins, where e are the reference proportions and a
 * the observed ones, both floored at {@link Smoothing#EPSILON}. It is symmetric and zero when nothing moved. The usual
 * reading: below 0.1 stable, 0.1–0.2 a moderate shift, above 0.2 a significant one.
 */
public final class Psi {

    private Psi() {
    }

    /** @param reference and {@code observed}: counts over the same bins (or categories), in the same order */
    public static double of(long[] reference, long[] observed) {
        requireSameLength(reference, observed);
        double[] e = Smoothing.proportions(reference);
        double[] a = Smoothing.proportions(observed);
        double psi = 0;
        for (int i = 0; i < e.length; i++) {
            psi += (a[i] - e[i]) * Math.log(a[i] / e[i]);
        }
        return psi;
    }

    static void requireSameLength(long[] reference, long[] observed) {
        if (reference.length != observed.length) {
            throw new IllegalArgumentException("reference has " + reference.length + " bins, observed "
                    + observed.length);
        }
    }
}
