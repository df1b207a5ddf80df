package dev.cairn.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeatmapTest {

    @Test
    void shadesEachCellByItsShareOfTheActualClass() {
        // Given: 8 of 10 "No" right, 1 of 4 "Yes" right
        Map<String, Object> report = Map.of("confusion_matrix",
                Map.of("labels", List.of("No", "Yes"), "matrix", List.of(List.of(8, 2), List.of(3, 1))));
        // When
        var heatmap = Heatmap.of(report).orElseThrow();
        // Then
        assertThat(heatmap.labels()).containsExactly("No", "Yes");
        assertThat(heatmap.rows().getFirst().cells()).extracting(Heatmap.Cell::share).containsExactly("80%", "20%");
        assertThat(heatmap.rows().get(1).cells()).extracting(Heatmap.Cell::share).containsExactly("75%", "25%");
        assertThat(heatmap.rows().getFirst().cells().getFirst().style()).contains("0.800").contains("#fff");
        assertThat(heatmap.rows().get(1).total()).isEqualTo(4);
    }

    @Test
    void aReportWithoutAMatrixHasNoHeatmap() {
        // When
        var heatmap = Heatmap.of(Map.of("accuracy", 0.9));
        // Then
        assertThat(heatmap).isEmpty();
    }
}
