package dev.cairn.store.profile;

import java.util.Arrays;

/**
 * One numeric column of the training data, as a histogram over fixed bins. The bins are cut at the training
 * quantiles (deciles by default), deduplicated, so each holds about the same share of the training rows unless
 * values repeat; bin i holds the values v with {@code edges[i-1] < v <= edges[i]}, the first bin everything up to
 * {@code edges[0]}, the last everything above the last edge, so a value far outside the training range still has a
 * bin. Monitoring counts live values over exactly these bins.
 *
 * @param edges strictly increasing inner cut points; {@code counts.length == edges.length + 1}
 * @param counts training rows per bin
 * @param missing training rows with a missing cell
 * @param min the smallest training value; a live value outside [min, max] is "out of range"
 */
public record NumericReference(String name, double[] edges, long[] counts, long missing, double min, double max) {

    /** The bin of a value: the number of edges strictly below it (binary search, no allocation). */
    public int bin(double value) {
        int low = 0;
        int high = edges.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (edges[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    public int bins() {
        return edges.length + 1;
    }

    public boolean outOfRange(double value) {
        return value < min || value > max;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumericReference o && name.equals(o.name) && Arrays.equals(edges, o.edges)
                && Arrays.equals(counts, o.counts) && missing == o.missing && min == o.min && max == o.max;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(edges) + Arrays.toString(counts);
    }
}
