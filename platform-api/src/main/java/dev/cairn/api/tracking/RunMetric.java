package dev.cairn.api.tracking;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** The full history of a run's metrics, one row per logged value; append-only, read for curves. */
@Entity
@Table(name = "run_metric")
class RunMetric extends PanacheEntity {
    public String runId;
    public String name;
    public double value;
    public long step;
    @Column(name = "logged_at")
    public Instant loggedAt;

    static RunMetric of(String runId, String name, MetricPoint point) {
        var metric = new RunMetric();
        metric.runId = runId;
        metric.name = name;
        metric.value = point.value();
        metric.step = point.step();
        metric.loggedAt = point.timestamp();
        return metric;
    }

    static List<MetricPoint> history(String runId, String name) {
        return RunMetric.<RunMetric> list("runId = ?1 and name = ?2 order by step, loggedAt, id", runId, name).stream()
                .map(m -> new MetricPoint(m.value, m.step, m.loggedAt))
                .toList();
    }
}
