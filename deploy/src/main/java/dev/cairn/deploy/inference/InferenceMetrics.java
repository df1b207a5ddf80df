package dev.cairn.deploy.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server's own Prometheus metrics, per endpoint: {@code cairn_inference_requests_total},
 * {@code cairn_inference_errors_total} (by reason) and the latency histogram {@code cairn_inference_latency_seconds}
 * (buckets, so p99 can be computed across replicas by PromQL's {@code histogram_quantile}). Meters are looked up
 * once here: building a meter id per request would cost more than the prediction itself.
 */
@ApplicationScoped
public class InferenceMetrics {

    private final Map<Endpoint, Timer> latency = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Counter> requests = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Counter> rows = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Counter> invalid = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Counter> notReady = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Counter> failed = new EnumMap<>(Endpoint.class);

    InferenceMetrics(MeterRegistry registry) {
        for (Endpoint e : Endpoint.values()) {
            latency.put(e, Timer.builder("cairn.inference.latency")
                    .description("Time from parsed request to computed answer")
                    .tag("endpoint", e.tag()).publishPercentileHistogram()
                    // Answers take microseconds: the default lowest bucket (1 ms) would hold them all.
                    .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry));
            requests.put(e, Counter.builder("cairn.inference.requests").tag("endpoint", e.tag()).register(registry));
            rows.put(e, Counter.builder("cairn.inference.rows").description("Rows predicted")
                    .tag("endpoint", e.tag()).register(registry));
            invalid.put(e, error(registry, e, "invalid-request"));
            notReady.put(e, error(registry, e, "not-ready"));
            failed.put(e, error(registry, e, "internal"));
        }
    }

    private static Counter error(MeterRegistry registry, Endpoint e, String reason) {
        return Counter.builder("cairn.inference.errors").tag("endpoint", e.tag()).tag("reason", reason)
                .register(registry);
    }

    void answered(Endpoint endpoint, int rowCount, long nanos) {
        requests.get(endpoint).increment();
        rows.get(endpoint).increment(rowCount);
        latency.get(endpoint).record(nanos, TimeUnit.NANOSECONDS);
    }

    void invalid(Endpoint endpoint) {
        requests.get(endpoint).increment();
        invalid.get(endpoint).increment();
    }

    void notReady(Endpoint endpoint) {
        requests.get(endpoint).increment();
        notReady.get(endpoint).increment();
    }

    void failed(Endpoint endpoint) {
        requests.get(endpoint).increment();
        failed.get(endpoint).increment();
    }
}
