package dev.cairn.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricPointTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theHighestStepIsNewestEvenWhenLoggedEarlier() {
        // Given
        var epoch5 = new MetricPoint(0.9, 5, T0);
        var lateEpoch2 = new MetricPoint(0.4, 2, T0.plusSeconds(60));
        // When
        var newest = epoch5.newest(lateEpoch2);
        // Then
        assertThat(newest).isEqualTo(epoch5);
    }

    @Test
    void atTheSameStepTheLaterValueIsNewest() {
        // Given
        var first = new MetricPoint(0.5, 3, T0);
        var relogged = new MetricPoint(0.6, 3, T0.plusSeconds(1));
        // When
        var newest = first.newest(relogged);
        // Then
        assertThat(newest).isEqualTo(relogged);
    }
}
