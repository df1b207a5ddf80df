package dev.cairn.monitoring;

import dev.cairn.monitoring.alert.AlertEvaluator;
import dev.cairn.monitoring.alert.AlertPublisher;
import dev.cairn.monitoring.metrics.MonitoringMetrics;
import dev.cairn.monitoring.report.WindowPublisher;
import dev.cairn.monitoring.window.WindowReport;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a closed window goes: its figures to the Prometheus gauges and to {@code cairn.monitoring} (the control plane
 * keeps the series), then through the alert rules; alerts that changed state are published.
 */
@ApplicationScoped
public class ClosedWindows {

    private final MonitoringMetrics metrics;
    private final AlertEvaluator alerts;
    private final AlertPublisher publisher;
    private final WindowPublisher windows;

    ClosedWindows(MonitoringMetrics metrics, AlertEvaluator alerts, AlertPublisher publisher, WindowPublisher windows) {
        this.metrics = metrics;
        this.alerts = alerts;
        this.publisher = publisher;
        this.windows = windows;
    }

    public void accept(WindowReport report) {
        metrics.record(report);
        windows.publish(report);
        for (var alert : alerts.evaluate(report)) {
            metrics.alert(alert);
            publisher.publish(alert);
        }
    }
}
