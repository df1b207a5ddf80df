package dev.cairn.monitoring.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cairn.contracts.WindowMeasured;
import dev.cairn.monitoring.drift.FeatureDrift;
import dev.cairn.monitoring.window.HealthReport;
import dev.cairn.monitoring.window.PerformanceReport;
import dev.cairn.monitoring.window.WindowReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowMeasurementTest {

    @Test
    void keepsEveryFigureAndLeavesOutThoseThatDoNotApply() throws Exception {
        // Given a numeric feature (no chi-square), a window without labels (no accuracy) and no reference predictions
        var distance = new FeatureDrift("distance", "numeric", 1_000, 0.25, 0.12, 0.003, Double.NaN, Double.NaN,
                0.18, 0.01, 0.02, Double.NaN, 0.0);
        var report = new WindowReport("flights", "3", "ab".repeat(32), Instant.parse("2001-02-01T00:00:00Z"),
                Instant.parse("2001-02-02T00:00:00Z"), 1_000, true, List.of(distance), null,
                new PerformanceReport(0, Double.NaN, Double.NaN, Double.NaN),
                new HealthReport(1_000, 5, 0.005, 1.1, 2.2, 3.3, List.of()));
        var json = new ObjectMapper().registerModule(new JavaTimeModule());
        // When
        var text = json.writeValueAsString(WindowMeasurement.of(report, Instant.EPOCH));
        // Then
        var read = json.readValue(text, WindowMeasured.class);
        var feature = read.features().getFirst();
        assertThat(feature.psi()).isEqualTo(0.25);
        assertThat(feature.ks()).isEqualTo(0.12);
        assertThat(feature.ksPValue()).isEqualTo(0.003);
        assertThat(feature.chiSquarePValue()).isNull();
        assertThat(feature.unseenRate()).isNull();
        assertThat(feature.outOfRangeRate()).isEqualTo(0.02);
        assertThat(read.prediction()).isNull();
        assertThat(read.performance().labelled()).isZero();
        assertThat(read.performance().accuracy()).isNull();
        assertThat(read.health().errorRate()).isEqualTo(0.005);
        assertThat(read.health().p99Millis()).isEqualTo(3.3);
        assertThat(read.windowStart()).isEqualTo(Instant.parse("2001-02-01T00:00:00Z"));
        assertThat(text).doesNotContain("NaN");
    }
}
