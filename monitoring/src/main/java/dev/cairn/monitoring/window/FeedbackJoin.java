package dev.cairn.monitoring.window;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Predictions waiting for their true label, by prediction id: a bounded, expiring map. Entries leave after
 * {@code ttlMillis} (labels that come later are counted as unmatched) or, when full, oldest first, so memory stays
 * bounded by {@code capacity} whatever the traffic and however few labels arrive.
 */
final class FeedbackJoin {

    private record Pending(String predicted, long expiresAt) {
    }

    private final int capacity;
    private final long ttlMillis;
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    private long evicted;

    FeedbackJoin(int capacity, long ttlMillis) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
    }

    void remember(String predictionId, String predicted, long nowMillis) {
        if (predictionId == null || predicted == null) {
            return;
        }
        expire(nowMillis);
        pending.put(predictionId, new Pending(predicted, nowMillis + ttlMillis));
        if (pending.size() > capacity) {
            Iterator<Map.Entry<String, Pending>> oldest = pending.entrySet().iterator();
            oldest.next();
            oldest.remove();
            evicted++;
        }
    }

    /** The prediction's label, once: a second label for the same prediction is not counted again. Null if unknown. */
    String take(String predictionId, long nowMillis) {
        Pending p = pending.remove(predictionId);
        return p == null || p.expiresAt() < nowMillis ? null : p.predicted();
    }

    private void expire(long nowMillis) {
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().expiresAt() >= nowMillis) {
                return; // insertion order is expiry order
            }
            it.remove();
            evicted++;
        }
    }

    int size() {
        return pending.size();
    }

    long evicted() {
        return evicted;
    }
}
