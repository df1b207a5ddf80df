package dev.cairn.monitoring.metrics;

import dev.cairn.contracts.AlertChanged;
import dev.cairn.monitoring.drift.FeatureDrift;
import dev.cairn.monitoring.window.HealthReport;
import dev.cairn.monitoring.window.WindowReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The figures of the last closed window of each deployment as Prometheus gauges (names in the README). A gauge holds
 * its value in a map entry that the next window overwrites, so the number of series is bounded by deployments ×
 * features × statistics, not by windows. Values that do not apply (NaN) are exported as NaN, which Prometheus keeps
 * and Grafana shows as a gap.
 */
@ApplicationScoped
public class MonitoringMetrics {

    private record SeriesKey(String name, Tags tags) {
    }

    private final MeterRegistry registry;
    private final Map<SeriesKey, AtomicLong> values = new ConcurrentHashMap<>();

    MonitoringMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(WindowReport report) {
        Tags base = Tags.of("deployment", report.deploymentId(), "model_version", String.valueOf(report.modelVersion()));
        set("cairn.monitoring.window.predictions", base, report.predictions());
        if (report.driftScored()) {
            for (FeatureDrift f : report.features()) {
                Tags feature = base.and("feature", f.feature(), "kind", f.kind());
                for (String statistic : FeatureDrift.STATISTICS) {
                    set("cairn.monitoring.drift", feature.and("statistic", statistic), f.value(statistic));
                }
            }
            if (report.predictionDrift() != null) {
                for (String statistic : List.of("psi", "jensen_shannon", "chi_square_p_value")) {
                    set("cairn.monitoring.prediction.drift", base.and("statistic", statistic),
                            report.predictionDrift().value(statistic));
                }
            }
        }
        if (report.performance().labelled() > 0) {
            set("cairn.monitoring.performance", base.and("metric", "accuracy"), report.performance().accuracy());
            set("cairn.monitoring.performance", base.and("metric", "recall"), report.performance().recall());
            set("cairn.monitoring.performance", base.and("metric", "f1"), report.performance().f1());
            set("cairn.monitoring.performance.labelled", base, report.performance().labelled());
        }
        health(report.deploymentId(), report.health());
    }

    private void health(String deployment, HealthReport health) {
        for (HealthReport.Pod pod : health.pods()) {
            Tags tags = Tags.of("deployment", deployment, "pod", pod.pod());
            set("cairn.monitoring.error.rate", tags, pod.errorRate());
            set("cairn.monitoring.latency", tags.and("quantile", "0.5"), pod.p50Millis());
            set("cairn.monitoring.latency", tags.and("quantile", "0.95"), pod.p95Millis());
            set("cairn.monitoring.latency", tags.and("quantile", "0.99"), pod.p99Millis());
        }
    }

    /** 1 while an alert fires, 0 once resolved. */
    public void alert(AlertChanged alert) {
        Tags tags = Tags.of("deployment", alert.deploymentId(), "rule", alert.rule(), "feature",
                alert.feature() == null ? "" : alert.feature());
        set("cairn.monitoring.alert.firing", tags, alert.state() == AlertChanged.State.FIRING ? 1 : 0);
    }

    private void set(String name, Tags tags, double value) {
        values.computeIfAbsent(new SeriesKey(name, tags), key -> {
            var holder = new AtomicLong(Double.doubleToLongBits(Double.NaN));
            Gauge.builder(name, holder, h -> Double.longBitsToDouble(h.get())).tags(tags)
                    .baseUnit(name.equals("cairn.monitoring.latency") ? "milliseconds" : null).register(registry);
            return holder;
        }).set(Double.doubleToLongBits(value));
    }
}
