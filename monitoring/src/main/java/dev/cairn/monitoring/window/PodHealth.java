package dev.cairn.monitoring.window;

/** One pod's requests in the window: latency histogram and errors. */
final class PodHealth {

    final LatencyHistogram latency = new LatencyHistogram();
    long requests;
    long errors;

    void add(long latencyMicros, boolean error) {
        requests++;
        if (error) {
            errors++;
        } else if (latencyMicros >= 0) {
            latency.add(latencyMicros);
        }
    }

    HealthReport.Pod report(String pod) {
        return new HealthReport.Pod(pod, requests, errors, requests == 0 ? 0 : (double) errors / requests,
                latency.quantileMillis(0.5), latency.quantileMillis(0.95), latency.quantileMillis(0.99));
    }
}
