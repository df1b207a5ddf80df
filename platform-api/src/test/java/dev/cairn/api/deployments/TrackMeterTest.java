package dev.cairn.api.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrackMeterTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void countsEveryLabelOfABatchAnswerAndServerErrorsOnly() {
        // Given
        var meter = new TrackMeter();
        // When
        meter.record(200, 2_000_000, bytes("{\"predictions\":[{\"label\":\"No\"},{\"label\":\"Yes\"},{\"label\":\"No\"}]}"));
        meter.record(400, 500_000, bytes("{\"title\":\"bad\"}"));
        meter.record(503, 500_000, null);
        meter.record(0, 40_000_000, null);
        // Then
        var stats = meter.snapshot();
        assertThat(stats.requests()).isEqualTo(4);
        assertThat(stats.errors()).isEqualTo(2);
        assertThat(stats.labels()).containsOnly(java.util.Map.entry("No", 2L), java.util.Map.entry("Yes", 1L));
        assertThat(stats.latencyCounts().get(TrackMeter.bucket(2.0))).isEqualTo(1);
        assertThat(stats.latencyCounts().get(TrackMeter.bucket(0.5))).isEqualTo(2);
        assertThat(TrackMeter.bucket(40.0)).isEqualTo(TrackStats.LATENCY_BOUNDS_MS.indexOf(50.0));
    }

    @Test
    void readsTheFirstLabelOfASingleAnswer() {
        // When
        var label = TrackMeter.firstLabel(bytes("{\"model\":\"m\",\"label\":\"high\",\"probabilities\":{}}"));
        // Then
        assertThat(label).isEqualTo("high");
    }
}
