package dev.cairn.worker.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CleanReportTest {

    @Test
    void listsTheFirstFiftyCategoriesOfAColumnAndCountsThemAll() {
        // Given
        var ids = IntStream.range(1000, 1200).mapToObj(String::valueOf).toList();
        var report = new CleanReport(200, 200, 0, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of("customer", ids, "plan", List.of("a", "b")), Map.of("No", 100L, "Yes", 100L));
        // When
        var map = report.toMap();
        // Then
        assertThat(map.get("categories")).isEqualTo(Map.of("customer", ids.subList(0, 50), "plan", List.of("a", "b")));
        assertThat(map.get("category_counts")).isEqualTo(Map.of("customer", 200, "plan", 2));
    }
}
