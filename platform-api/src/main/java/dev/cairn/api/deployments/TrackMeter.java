package dev.cairn.api.deployments;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/** The router's counters for one track; lock-free, read as a {@link TrackStats} snapshot. */
final class TrackMeter {
    private static final byte[] LABEL_KEY = "\"label\":\"".getBytes(StandardCharsets.UTF_8);
    /** Bounds the label map: a model has few classes, garbage in a body must not grow the map without end. */
    private static final int MAX_LABELS = 256;

    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicLongArray latency = new AtomicLongArray(TrackStats.LATENCY_BOUNDS_MS.size() + 1);
    private final Map<String, LongAdder> labels = new ConcurrentHashMap<>();

    /** One answer; {@code status} 0 means none came. */
    void record(int status, long nanos, byte[] body) {
        requests.increment();
        if (status == 0 || status >= 500) {
            errors.increment();
        }
        latency.incrementAndGet(bucket(nanos / 1e6));
        if (status == 200 && body != null) {
            forEachLabel(body, label -> {
                if (labels.size() < MAX_LABELS || labels.containsKey(label)) {
                    labels.computeIfAbsent(label, l -> new LongAdder()).increment();
                }
            });
        }
    }

    TrackStats snapshot() {
        var counts = IntStream.range(0, latency.length()).mapToObj(latency::get).toList();
        Map<String, Long> labelCounts = new java.util.HashMap<>();
        labels.forEach((label, n) -> labelCounts.put(label, n.sum()));
        return new TrackStats(requests.sum(), errors.sum(), counts, labelCounts);
    }

    static int bucket(double millis) {
        var bounds = TrackStats.LATENCY_BOUNDS_MS;
        for (int i = 0; i < bounds.size(); i++) {
            if (millis <= bounds.get(i)) {
                return i;
            }
        }
        return bounds.size();
    }

    /**
     * The first label of a {@code /predict} answer (single or batch), or null. A byte scan rather than a JSON parse:
     * it runs on the router's event loop for every answer. Labels with escaped quotes end at the escape (rare, and
     * then only that label's name is cut short, consistently on both tracks).
     */
    static String firstLabel(byte[] body) {
        String[] first = new String[1];
        forEachLabel(body, label -> {
            if (first[0] == null) {
                first[0] = label;
            }
        });
        return first[0];
    }

    private static void forEachLabel(byte[] body, java.util.function.Consumer<String> action) {
        int from = 0;
        while (true) {
            int at = indexOf(body, from);
            if (at < 0) {
                return;
            }
            int start = at + LABEL_KEY.length;
            int end = start;
            while (end < body.length && body[end] != '"' && body[end] != '\\') {
                end++;
            }
            action.accept(new String(body, start, end - start, StandardCharsets.UTF_8));
            from = end;
        }
    }

    private static int indexOf(byte[] body, int from) {
        outer: for (int i = from; i <= body.length - LABEL_KEY.length; i++) {
            for (int j = 0; j < LABEL_KEY.length; j++) {
                if (body[i + j] != LABEL_KEY[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
