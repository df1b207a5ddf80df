package dev.cairn.api.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.store.csv.MissingTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {
    private final MissingTokens missing = MissingTokens.of(List.of("", "NA", "?"));

    @Test
    void infersNumericCategoricalAndTextWithMissingAndDistinctCounts() {
        // Given
        var inference = new SchemaInference(List.of("age", "income_band", "code", "comment"), missing::isMissing);
        // When
        inference.accept(new String[] { "31", "10.000-15.000", "A.1", "the parcel came late and wet" });
        inference.accept(new String[] { "NA", "10.000-15.000", "A.2", "fine thanks, nothing to add here" });
        inference.accept(new String[] { "2.5e1", "?", "A.1", "" });
        var schema = inference.result(missing.tokens());
        // Then
        assertThat(schema.rows()).isEqualTo(3);
        assertThat(schema.columns()).extracting(ColumnSchema::type).containsExactly(ColumnType.NUMERIC,
                ColumnType.CATEGORICAL, ColumnType.CATEGORICAL, ColumnType.TEXT);
        assertThat(schema.columns()).extracting(ColumnSchema::missing).containsExactly(1L, 1L, 0L, 1L);
        assertThat(schema.columns()).extracting(ColumnSchema::distinct).containsExactly(2L, 1L, 2L, 2L);
    }

    @Test
    void readsNoneAsACategoryWhenItIsNotAMissingToken() {
        // Given
        var inference = new SchemaInference(List.of("bonus"), missing::isMissing);
        // When
        inference.accept(new String[] { "None" });
        inference.accept(new String[] { "Gold" });
        var column = inference.result(missing.tokens()).columns().getFirst();
        // Then
        assertThat(column.missing()).isZero();
        assertThat(column.distinct()).isEqualTo(2);
    }

    @Test
    void capsDistinctCountingSoMemoryStaysBounded() {
        // Given
        var inference = new SchemaInference(List.of("id"), missing::isMissing);
        // When
        for (int i = 0; i < SchemaInference.DISTINCT_CAP + 5; i++) {
            inference.accept(new String[] { "id-" + i });
        }
        var column = inference.result(missing.tokens()).columns().getFirst();
        // Then
        assertThat(column.distinctCapped()).isTrue();
        assertThat(column.distinct()).isEqualTo(SchemaInference.DISTINCT_CAP);
        assertThat(column.type()).isEqualTo(ColumnType.TEXT);
    }
}
