package dev.cairn.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunFilterTest {

    @Test
    void anUnknownSortKeyFallsBackToNewestFirst() {
        // When
        var filter = RunFilter.of(null, null, null, null, "r.id; drop table run", null, null, null);
        // Then
        assertThat(filter.sort()).isEqualTo("start");
        assertThat(filter.sortColumn()).isEqualTo("r.start_time");
        assertThat(filter.ascending()).isFalse();
    }

    @Test
    void aMetricSortJoinsThatMetricsValue() {
        // When
        var filter = RunFilter.of(null, null, null, null, "metric:val/loss", "asc", null, null);
        // Then
        assertThat(filter.sortMetric()).hasValue("val/loss");
        assertThat(filter.sortColumn()).isEqualTo("m.value");
        assertThat(filter.ascending()).isTrue();
    }

    @Test
    void parsesAMetricCondition() {
        // When
        var condition = RunFilter.of(null, null, null, " f1_macro>=0.85 ", null, null, null, null).condition();
        // Then
        assertThat(condition).hasValue(new RunFilter.Condition("f1_macro", ">=", 0.85));
    }

    @Test
    void aConditionThatIsNotOneComparisonIsIgnored() {
        // When
        var condition = RunFilter.of(null, null, null, "accuracy > 0.5 or 1=1", null, null, null, null).condition();
        // Then
        assertThat(condition).isEmpty();
    }

    @Test
    void clickingTheSortedColumnFlipsItAndStartsAtTheFirstPage() {
        // Given
        var filter = RunFilter.of("churn", "FINISHED", null, null, "start", "desc", 3, 20);
        // When
        var flipped = filter.sortedBy("start");
        var other = filter.sortedBy("metric:accuracy");
        // Then
        assertThat(flipped.ascending()).isTrue();
        assertThat(flipped.page()).isZero();
        assertThat(other.ascending()).isFalse();
        assertThat(flipped.query()).isEqualTo("experiment=churn&status=FINISHED&sort=start&dir=asc&page=0&size=20");
    }

    @Test
    void pageSizesStayWithinBounds() {
        // When
        var huge = RunFilter.of(null, "NOT-A-STATUS", null, null, null, null, -4, 100_000);
        // Then
        assertThat(huge.size()).isEqualTo(RunFilter.MAX_SIZE);
        assertThat(huge.page()).isZero();
        assertThat(huge.status()).isNull();
    }

    @Test
    void searchTextIsMatchedLiterally() {
        // When
        var filter = RunFilter.of(null, null, "50%_Off", null, null, null, null, null);
        // Then
        assertThat(filter.likePattern()).isEqualTo("%50\\%\\_off%");
    }
}
