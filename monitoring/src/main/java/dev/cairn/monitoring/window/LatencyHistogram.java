package dev.cairn.monitoring.window;

import java.util.Arrays;

/**
 * Latencies in fixed logarithmic buckets: bucket i holds values up to 10 µs · 1.1^i, from 10 µs to about 2 minutes
 * in 172 buckets, so a percentile is read to within 10 % with a few kilobytes per histogram, however many requests.
 */
final class LatencyHistogram {

    static final double FIRST_UPPER_MICROS = 10;
    static final double GROWTH = 1.1;
    static final int BUCKETS = 172;
    private static final double LOG_GROWTH = Math.log(GROWTH);

    private final long[] counts = new long[BUCKETS];
    private long total;

    void add(long micros) {
        counts[bucket(micros)]++;
        total++;
    }

    static int bucket(long micros) {
        if (micros <= FIRST_UPPER_MICROS) {
            return 0;
        }
        int i = (int) Math.ceil(Math.log(micros / FIRST_UPPER_MICROS) / LOG_GROWTH - 1e-9);
        return Math.min(i, BUCKETS - 1);
    }

    static double upperMicros(int bucket) {
        return FIRST_UPPER_MICROS * Math.pow(GROWTH, bucket);
    }

    /** The upper bound of the bucket holding the q-quantile, in milliseconds; NaN when empty. */
    double quantileMillis(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long cumulative = 0;
        for (int i = 0; i < BUCKETS; i++) {
            cumulative += counts[i];
            if (cumulative >= rank) {
                return upperMicros(i) / 1000;
            }
        }
        return upperMicros(BUCKETS - 1) / 1000;
    }

    long total() {
        return total;
    }

    void reset() {
        Arrays.fill(counts, 0);
        total = 0;
    }
}
