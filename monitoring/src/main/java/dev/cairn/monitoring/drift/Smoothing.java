package dev.cairn.monitoring.drift;

/**
 * Turns bin counts into proportions that PSI can take the logarithm of. An empty bin would make PSI infinite, so
 * every proportion is floored at {@link #EPSILON} (1e-4, the floor Evidently and most PSI write-ups use), and the
 * floored proportions are used as they are, not renormalised: a bin that went from 0 to 30 % of the rows should
 * score high, and renormalising would only move the other bins by at most k·1e-4.
 */
final class Smoothing {

    /** The smallest proportion a bin is given: one row in ten thousand. */
    static final double EPSILON = 1e-4;

    private Smoothing() {
    }

    static double[] proportions(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = total == 0 ? EPSILON : Math.max(EPSILON, (double) counts[i] / total);
        }
        return p;
    }

    /** Plain proportions, zeros kept (for statistics that are finite with empty bins). */
    static double[] raw(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < counts.length && total > 0; i++) {
            p[i] = (double) counts[i] / total;
        }
        return p;
    }
}
