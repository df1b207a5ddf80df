package dev.cairn.monitoring.window;

import dev.cairn.monitoring.drift.FeatureDrift;
import dev.cairn.store.profile.NumericReference;
import java.util.Arrays;

/** One numeric feature in the open window: counts over the reference's bins, plus the rows that fit no bin. */
final class NumericCounts {

    private final NumericReference reference;
    private final long[] bins;
    private long rows;
    private long missing;
    private long invalid;
    private long outOfRange;

    NumericCounts(NumericReference reference) {
        this.reference = reference;
        this.bins = new long[reference.bins()];
    }

    void add(double value) {
        rows++;
        bins[reference.bin(value)]++;
        if (reference.outOfRange(value)) {
            outOfRange++;
        }
    }

    void addMissing() {
        rows++;
        missing++;
    }

    /** A cell that is not a number: a schema violation, counted and otherwise ignored. */
    void addInvalid() {
        rows++;
        invalid++;
    }

    /** Rows the feature was absent from count as missing. */
    void settle(long windowRows) {
        if (rows < windowRows) {
            missing += windowRows - rows;
            rows = windowRows;
        }
    }

    FeatureDrift drift() {
        return FeatureDrift.numeric(reference.name(), reference.counts(), bins, rows, missing, outOfRange, invalid);
    }

    void reset() {
        Arrays.fill(bins, 0);
        rows = 0;
        missing = 0;
        invalid = 0;
        outOfRange = 0;
    }
}
