package dev.cairn.monitoring.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {

    @Test
    void matchesTheHandComputedStatisticAndPValue() {
        // Given CDFs at the edges: reference .25 .50 .75 1, observed .10 .30 .60 1
        long[] reference = {25, 25, 25, 25};
        long[] observed = {10, 20, 30, 40};
        // When
        var result = KolmogorovSmirnov.test(reference, observed);
        // Then D = max(.15, .20, .15, 0) = .20; n = 100·100/200 = 50;
        // λ = (√50 + .12 + .11/√50)·.2 = (7.071068 + .12 + .015556)·.2 = 1.441325;
        // p = 2(e^{-2λ²} − e^{-8λ²} + …) = 2(0.0156883 − 6.1e-8) = 0.031377
        assertThat(result.statistic()).isCloseTo(0.20, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.031377, within(1e-6));
    }

    @Test
    void findsNoDifferenceBetweenProportionalHistograms() {
        // Given
        long[] reference = {1, 2, 3};
        long[] observed = {10, 20, 30};
        // When
        var result = KolmogorovSmirnov.test(reference, observed);
        // Then
        assertThat(result.statistic()).isCloseTo(0, within(1e-12));
        assertThat(result.pValue()).isEqualTo(1.0);
    }

    @Test
    void givesNoEvidenceForAnEmptyWindow() {
        // Given
        long[] reference = {5, 5};
        long[] observed = {0, 0};
        // When
        var result = KolmogorovSmirnov.test(reference, observed);
        // Then
        assertThat(result.pValue()).isEqualTo(1.0);
    }
}
