package dev.cairn.monitoring.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PsiTest {

    @Test
    void matchesTheHandComputedIndex() {
        // Given reference proportions .5 .3 .2 and observed .3 .3 .4
        long[] reference = {50, 30, 20};
        long[] observed = {30, 30, 40};
        // When
        double psi = Psi.of(reference, observed);
        // Then (.3-.5)·ln(.3/.5) + 0 + (.4-.2)·ln(.4/.2) = .2·0.510826 + .2·0.693147 = 0.240795
        assertThat(psi).isCloseTo(0.240795, within(1e-6));
    }

    @Test
    void isZeroWhenNothingMoved() {
        // Given
        long[] reference = {10, 20, 30};
        long[] observed = {100, 200, 300};
        // When
        double psi = Psi.of(reference, observed);
        // Then
        assertThat(psi).isCloseTo(0, within(1e-12));
    }

    @Test
    void floorsAnEmptyBinAtEpsilonInsteadOfGoingInfinite() {
        // Given the second bin empty in the reference: its proportion becomes 1e-4
        long[] reference = {100, 0};
        long[] observed = {50, 50};
        // When
        double psi = Psi.of(reference, observed);
        // Then (.5-1)·ln(.5/1) + (.5-.0001)·ln(.5/.0001) = .346574 + .4999·8.517193 = 4.604318
        assertThat(psi).isCloseTo(4.604318, within(1e-6));
    }

    @Test
    void refusesCountsOverDifferentBins() {
        // Given
        long[] reference = {1, 2};
        long[] observed = {1, 2, 3};
        // When / Then
        assertThatThrownBy(() -> Psi.of(reference, observed)).isInstanceOf(IllegalArgumentException.class);
    }
}
