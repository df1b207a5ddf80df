package dev.cairn.worker.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericCellTest {

    @ParameterizedTest
    @CsvSource({"3.0, 3", "0.1, 0.1", "1889.5, 1889.5", "-0.0, 0", "1.0E-5, 0.00001", "1.0E20, 100000000000000000000"})
    void writesTheShortestPlainText(double value, String expected) {
        // When
        var text = NumericCell.format(value);
        // Then
        assertThat(text).isEqualTo(expected);
    }
}
