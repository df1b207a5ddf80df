package dev.cairn.api.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One value of a metric: a point on its curve. Also the "latest" value a run shows per metric. */
@Embeddable
public record MetricPoint(double value, long step, @Column(name = "logged_at") Instant timestamp) {

    /**
     * The point a run shows as current, as MLflow does: the highest step wins, then the later
     * timestamp, so a late re-log of an old step does not hide the newest value.
     */
    MetricPoint newest(MetricPoint other) {
        if (other.step != step) {
            return other.step > step ? other : this;
        }
        return other.timestamp.isBefore(timestamp) ? this : other;
    }
}
