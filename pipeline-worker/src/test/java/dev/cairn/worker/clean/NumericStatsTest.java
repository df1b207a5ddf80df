package dev.cairn.worker.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NumericStatsTest {

    @Test
    void interpolatesQuartilesBetweenClosestRanks() {
        // Given: sorted 1, 2, 3, 4; Q1 at position 0.75 → 1 + 0.75·1 = 1.75; median at 1.5 → 2.5; Q3 at 2.25 → 3.25
        var stats = new NumericStats(Arrays.asList(4.0, null, 1.0, 3.0, 2.0));
        // When
        double[] quartiles = {stats.quantile(0.25), stats.median(), stats.quantile(0.75)};
        // Then
        assertThat(quartiles).containsExactly(1.75, 2.5, 3.25);
    }

    @Test
    void averagesObservedValuesOnly() {
        // Given: (1 + 2 + 6) / 3 = 3
        var stats = new NumericStats(Arrays.asList(1.0, null, 2.0, 6.0));
        // When
        double mean = stats.mean();
        // Then
        assertThat(mean).isEqualTo(3.0);
    }

    @Test
    void takesTheSmallestOfTiedModes() {
        // Given: 5 and 2 twice each, 9 once
        var stats = new NumericStats(Arrays.asList(5.0, 2.0, 9.0, 5.0, 2.0));
        // When
        double mode = stats.mode();
        // Then
        assertThat(mode).isEqualTo(2.0);
    }
}
