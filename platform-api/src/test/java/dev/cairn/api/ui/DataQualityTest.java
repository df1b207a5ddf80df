package dev.cairn.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataQualityTest {

    @Test
    void summarisesMissingCellsAndFlagsColumnsWorthALook() {
        // Given: 100 rows, 4 columns, 30 + 0 + 0 + 100 = 130 of 400 cells missing
        var schema = new DatasetSchema(List.of(
                new ColumnSchema("income", ColumnType.NUMERIC, 30, 70, false),
                new ColumnSchema("country", ColumnType.CATEGORICAL, 0, 1, false),
                new ColumnSchema("customer_id", ColumnType.CATEGORICAL, 0, 100, false),
                new ColumnSchema("notes", ColumnType.TEXT, 100, 0, false)), List.of("NA"), 100);
        // When
        var quality = DataQuality.of(schema);
        // Then
        assertThat(quality.missingCellShare()).isEqualTo(0.325);
        assertThat(quality.missingCellPercent()).isEqualTo("32.5");
        assertThat(quality.perColumn()).extracting(DataQuality.ColumnQuality::findings).containsExactly(
                List.of("much missing"), List.of("constant"), List.of("unique per row (an identifier?)"),
                List.of("all missing"));
        assertThat(quality.columnsWithFindings()).isEqualTo(4);
        assertThat(quality.perColumn().getFirst().missingPercent()).isEqualTo(30);
    }

    @Test
    void aCappedDistinctCountIsNeitherConstantNorUnique() {
        // Given
        var column = new ColumnSchema("zip", ColumnType.CATEGORICAL, 0, 1, true);
        // When
        var findings = DataQuality.findings(column, 50_000);
        // Then
        assertThat(findings).isEmpty();
    }
}
