package dev.cairn.monitoring;

import dev.cairn.monitoring.alert.AlertEvaluator;
import dev.cairn.monitoring.alert.AlertPublisher;
import dev.cairn.monitoring.metrics.MonitoringMetrics;
import dev.cairn.monitoring.window.WindowReport;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a closed window goes: its figures to the Prometheus gauges, then through the alert rules; alerts that changed
 * state are published. The seam for persisting reports (drift over time per feature) when the control plane wants
 * them: add a step here.
 */
@ApplicationScoped
public class ClosedWindows {

    private final MonitoringMetrics metrics;
    private final AlertEvaluator alerts;
    private final AlertPublisher publisher;

    ClosedWindows(MonitoringMetrics metrics, AlertEvaluator alerts, AlertPublisher publisher) {
        this.metrics = metrics;
        this.alerts = alerts;
        this.publisher = publisher;
    }

    public void accept(WindowReport report) {
        metrics.record(report);
        for (var alert : alerts.evaluate(report)) {
            metrics.alert(alert);
            publisher.publish(alert);
        }
    }
}
