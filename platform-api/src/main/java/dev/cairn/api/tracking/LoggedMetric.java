package dev.cairn.api.tracking;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * @param step e.g. the epoch; 0 when absent
 * @param timestamp when the value was measured; the time of the request when absent
 */
record LoggedMetric(@NotNull @Pattern(regexp = Run.KEY_PATTERN) String key, @NotNull Double value, Long step,
        Instant timestamp) {

    MetricPoint point(Instant now) {
        return new MetricPoint(value, step == null ? 0 : step, timestamp == null ? now : timestamp);
    }
}
