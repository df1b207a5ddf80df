package dev.cairn.monitoring.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiSquareTest {

    @Test
    void matchesTheHandComputedTestWithOneDegreeOfFreedom() {
        // Given R = O = 100, pooled (80, 120): expected 40 and 60 in both samples
        long[] reference = {50, 50};
        long[] observed = {30, 70};
        // When
        var result = ChiSquare.test(reference, observed);
        // Then χ² = 10²/40 + 10²/60 + 10²/40 + 10²/60 = 8.3333, df 1,
        // p = erfc(√(χ²/2)) = erfc(2.041241) = 0.0038924
        assertThat(result.statistic()).isCloseTo(8.333333, within(1e-6));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.pValue()).isCloseTo(0.0038924, within(1e-7));
    }

    @Test
    void countsACategoryUnseenInTrainingWithoutSmoothing() {
        // Given the third category never occurred in the reference; pooled (30, 20, 10), R = O = 30,
        // expected 15, 10, 5 in each sample
        long[] reference = {20, 10, 0};
        long[] observed = {10, 10, 10};
        // When
        var result = ChiSquare.test(reference, observed);
        // Then χ² = 25/15·2 + 0 + 25/5·2 = 3.3333 + 10 = 13.3333, df 2, p = e^(-χ²/2) = e^-6.6667 = 0.0012726
        assertThat(result.statistic()).isCloseTo(13.333333, within(1e-6));
        assertThat(result.degreesOfFreedom()).isEqualTo(2);
        assertThat(result.pValue()).isCloseTo(0.0012726, within(1e-7));
    }

    @Test
    void leavesOutCategoriesSeenInNeitherSample() {
        // Given the middle category empty in both
        long[] reference = {50, 0, 50};
        long[] observed = {30, 0, 70};
        // When
        var result = ChiSquare.test(reference, observed);
        // Then the same as the two-category table: df 1
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.statistic()).isCloseTo(8.333333, within(1e-6));
    }

    @Test
    void survivalFunctionMatchesTablesAndClosedForms() {
        // Given/When/Then the 5 % critical values of the chi-square tables, and closed forms for even df:
        // Q(n, x) = e^-x Σ_{k<n} x^k / k!
        assertThat(ChiSquare.survival(3.841459, 1)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.survival(18.307038, 10)).isCloseTo(0.05, within(1e-6));
        // df 4, x 20: Q(2, 10) = e^-10 (1 + 10) = 4.99399e-4 (continued-fraction branch)
        assertThat(ChiSquare.survival(20, 4)).isCloseTo(4.99399e-4, within(1e-8));
        // df 6, x 3: Q(3, 1.5) = e^-1.5 (1 + 1.5 + 1.125) = 0.808847 (series branch)
        assertThat(ChiSquare.survival(3, 6)).isCloseTo(0.808847, within(1e-6));
        assertThat(ChiSquare.survival(0, 3)).isEqualTo(1.0);
    }
}
