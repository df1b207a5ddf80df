package dev.cairn.api.deployments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Requests one track answered, as the runtime saw them (cumulative counters).
 *
 * @param requests answered requests (mirrored copies included for a shadow candidate)
 * @param errors answers with a 5xx status or no answer at all; a 4xx is the client's error and not counted
 * @param latencyCounts requests per latency bucket, bounds {@link #LATENCY_BOUNDS_MS} (last bucket: above them)
 * @param labels predicted labels counted from the answers ({@code /predict}: every {@code "label"} of the body);
 *        empty when the runtime cannot see answers
 */
public record TrackStats(long requests, long errors, List<Long> latencyCounts, Map<String, Long> labels) {

    /** Upper bounds of the latency buckets in milliseconds, as seen by the router (network hop included). */
    public static final List<Double> LATENCY_BOUNDS_MS = List.of(1.0, 2.0, 3.0, 5.0, 7.5, 10.0, 15.0, 20.0, 30.0,
            50.0, 75.0, 100.0, 150.0, 200.0, 300.0, 500.0, 750.0, 1000.0, 2000.0, 5000.0);

    public static final TrackStats EMPTY = new TrackStats(0, 0,
            IntStream.rangeClosed(0, LATENCY_BOUNDS_MS.size()).mapToObj(i -> 0L).toList(), Map.of());

    public TrackStats {
        if (latencyCounts.size() != LATENCY_BOUNDS_MS.size() + 1) {
            throw new IllegalArgumentException("expected " + (LATENCY_BOUNDS_MS.size() + 1) + " latency buckets");
        }
        latencyCounts = List.copyOf(latencyCounts);
        labels = Map.copyOf(labels);
    }

    /** The difference of two cumulative readings. */
    public TrackStats since(TrackStats earlier) {
        var counts = IntStream.range(0, latencyCounts.size())
                .mapToObj(i -> latencyCounts.get(i) - earlier.latencyCounts.get(i)).toList();
        Map<String, Long> labelDelta = new HashMap<>();
        labels.forEach((label, n) -> {
            long d = n - earlier.labels.getOrDefault(label, 0L);
            if (d > 0) {
                labelDelta.put(label, d);
            }
        });
        return new TrackStats(requests - earlier.requests, errors - earlier.errors, counts, labelDelta);
    }
}
