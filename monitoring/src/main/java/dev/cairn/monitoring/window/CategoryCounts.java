package dev.cairn.monitoring.window;

import dev.cairn.monitoring.drift.FeatureDrift;
import dev.cairn.store.profile.CategoricalReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One categorical feature (or the predicted labels) in the open window. Slots, fixed when the window opens: one per
 * category the reference names, one "other" for categories seen in training but not named, then up to
 * {@code maxNew} categories never seen in training, each in its own slot, and a last slot where any further new
 * categories overflow. Memory is bounded by the reference size plus {@code maxNew}, whatever the traffic sends.
 */
final class CategoryCounts {

    private final String feature;
    private final String kind;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Set<String> seen;
    private final long[] reference;
    private final long[] observed;
    private final int namedSlots;
    private final int maxNew;
    private int newCategories;
    private long rows;
    private long missing;
    private long unseen;

    /** @param seen every category known from training (null: only the named ones) */
    CategoryCounts(CategoricalReference ref, Set<String> seen, String kind, int maxNew) {
        this.feature = ref.name();
        this.kind = kind;
        this.seen = seen;
        this.maxNew = maxNew;
        this.namedSlots = ref.counts().size();
        this.reference = new long[namedSlots + 1 + maxNew + 1];
        this.observed = new long[reference.length];
        int i = 0;
        for (var e : ref.counts().entrySet()) {
            slots.put(e.getKey(), i);
            reference[i++] = e.getValue();
        }
        reference[namedSlots] = ref.other();
    }

    void add(String category) {
        rows++;
        Integer slot = slots.get(category);
        if (slot != null) {
            observed[slot]++;
        } else if (seen != null && seen.contains(category)) {
            observed[namedSlots]++;
        } else {
            unseen++;
            observed[newSlot(category)]++;
        }
    }

    private int newSlot(String category) {
        if (newCategories >= maxNew) {
            return observed.length - 1;
        }
        int slot = namedSlots + 1 + newCategories++;
        slots.put(category, slot);
        return slot;
    }

    void addMissing() {
        rows++;
        missing++;
    }

    void settle(long windowRows) {
        if (rows < windowRows) {
            missing += windowRows - rows;
            rows = windowRows;
        }
    }

    FeatureDrift drift() {
        return FeatureDrift.categorical(feature, kind, reference, observed, rows, missing, unseen);
    }

    /** New categories get fresh slots in the next window; the reference's stay. */
    void reset() {
        Arrays.fill(observed, 0);
        slots.values().removeIf(slot -> slot > namedSlots);
        newCategories = 0;
        rows = 0;
        missing = 0;
        unseen = 0;
    }
}
