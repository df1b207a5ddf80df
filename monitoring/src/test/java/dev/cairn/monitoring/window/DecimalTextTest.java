package dev.cairn.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    @Test
    void readsTheSameDoubleAsParseDouble() {
        // Given plain decimals of every length the fast path takes, and forms it hands over
        var random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            String text = String.valueOf(Math.round(random.nextGaussian() * Math.pow(10, random.nextInt(12)))
                    / Math.pow(10, random.nextInt(8)));
            // When / Then
            assertThat(DecimalText.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
        for (String text : new String[] {"1750", "-0.25", "+3.", ".5", "123456789012345", "1234567890123456789",
                "1e3", "0.1000000000000000055511151231257827"}) {
            assertThat(DecimalText.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void givesNaNForWhatIsNotAFeatureValue() {
        // Given / When / Then
        for (String text : new String[] {"", "-", ".", "abc", "1.2.3", "NaN", "Infinity", "1,5"}) {
            assertThat(DecimalText.parse(text)).as(text).isNaN();
        }
    }
}
