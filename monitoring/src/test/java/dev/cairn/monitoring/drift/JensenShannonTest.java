package dev.cairn.monitoring.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JensenShannonTest {

    @Test
    void matchesTheHandComputedDistance() {
        // Given p = (.5, .5), q = (1, 0), so m = (.75, .25)
        long[] reference = {5, 5};
        long[] observed = {10, 0};
        // When
        double distance = JensenShannon.distance(reference, observed);
        // Then JSD = ½(.5·log2(.5/.75) + .5·log2(.5/.25)) + ½(1·log2(1/.75))
        //          = ½(-.292481 + .5) + ½(.415037) = .103759 + .207519 = .311278; distance = √.311278 = .557923
        assertThat(distance).isCloseTo(0.557923, within(1e-6));
    }

    @Test
    void isOneForDisjointSupports() {
        // Given
        long[] reference = {7, 0};
        long[] observed = {0, 3};
        // When
        double distance = JensenShannon.distance(reference, observed);
        // Then JSD = ½·log2(1/.5) + ½·log2(1/.5) = 1 bit
        assertThat(distance).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void isZeroForEqualProportions() {
        // Given
        long[] reference = {1, 2, 0};
        long[] observed = {10, 20, 0};
        // When
        double distance = JensenShannon.distance(reference, observed);
        // Then
        assertThat(distance).isCloseTo(0, within(1e-7));
    }
}
