package dev.cairn.monitoring.window;

import java.util.List;

/**
 * Requests, errors and latency percentiles (upper bounds of 10 % buckets, in milliseconds) of a window, for the whole
 * deployment and per pod.
 */
public record HealthReport(long requests, long errors, double errorRate, double p50Millis, double p95Millis,
        double p99Millis, List<Pod> pods) {

    public record Pod(String pod, long requests, long errors, double errorRate, double p50Millis, double p95Millis,
            double p99Millis) {
    }
}
