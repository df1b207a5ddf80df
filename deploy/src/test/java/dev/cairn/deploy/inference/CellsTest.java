package dev.cairn.deploy.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void writesNumbersAsPlainDecimalsTheCsvReaderAccepts() {
        assertThat(Cells.text("c", 29.85)).isEqualTo("29.85");
        assertThat(Cells.text("c", 34)).isEqualTo("34");
        assertThat(Cells.text("c", 1.0e7)).isEqualTo("10000000");
        assertThat(Cells.text("c", 1.5e-7)).isEqualTo("0.00000015");
        assertThat(Cells.text("c", new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void keepsTextAndMissingAsTheyAre() {
        assertThat(Cells.text("c", "One year")).isEqualTo("One year");
        assertThat(Cells.text("c", null)).isNull();
    }

    @Test
    void refusesArraysObjectsAndNonFiniteNumbersNamingTheFeature() {
        assertThatThrownBy(() -> Cells.text("tenure", List.of(1))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("feature 'tenure' must be a single value, not an array");
        assertThatThrownBy(() -> Cells.text("tenure", Map.of())).hasMessageContaining("not an object");
        assertThatThrownBy(() -> Cells.text("tenure", Double.NaN)).hasMessageContaining("'tenure' is NaN");
    }
}
