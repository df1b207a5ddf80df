package dev.cairn.store.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MissingTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "NA", " NA ", "N/A", "?", "\t?"})
    void readsTheDefaultTokensAsMissingAfterStripping(String cell) {
        // When
        boolean missing = MissingTokens.DEFAULT.isMissing(cell);
        // Then
        assertThat(missing).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"na", "n/a", "None", "0", "NaN", "-"})
    void keepsOtherValuesIncludingOtherCases(String cell) {
        // When
        boolean missing = MissingTokens.DEFAULT.isMissing(cell);
        // Then
        assertThat(missing).isFalse();
    }

    @Test
    void readsAnAbsentCellAsMissing() {
        // When
        boolean missing = MissingTokens.DEFAULT.isMissing(null);
        // Then
        assertThat(missing).isTrue();
    }

    @Test
    void usesADatasetsOwnTokensOnly() {
        // Given
        var tokens = MissingTokens.of(List.of(" - ", "none"));
        // When
        boolean dash = tokens.isMissing("-");
        // Then
        assertThat(dash).isTrue();
        assertThat(tokens.isMissing("none")).isTrue();
        assertThat(tokens.isMissing("NA")).isFalse();
        assertThat(tokens.isMissing("")).isFalse();
        assertThat(tokens.tokens()).containsExactly("-", "none");
    }

    @Test
    void fallsBackToTheDefaultsWhenADatasetNamesNone() {
        // When
        var tokens = MissingTokens.of(null);
        // Then
        assertThat(tokens).isEqualTo(MissingTokens.DEFAULT);
    }
}
