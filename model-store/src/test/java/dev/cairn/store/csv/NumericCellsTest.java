package dev.cairn.store.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericCellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12|12", "-0.5|-0.5", "+3|3", ".5|0.5", "5.|5", "1e-3|0.001", "2E3|2000",
            "' 7.25 '|7.25"})
    void readsDecimalNumbers(String cell, double expected) {
        // When
        var value = NumericCells.parse(cell);
        // Then
        assertThat(value).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaN", "Infinity", "-Infinity", "1d", "1f", "0x1p3", "1,5", "1 000", "10.000-15.000",
            "A.1", "1e999", "e5", ".", "--1", "١٢"})
    void refusesWhatIsNotAFiniteDecimal(String cell) {
        // When
        var value = NumericCells.parse(cell);
        // Then
        assertThat(value).isEmpty();
    }
}
