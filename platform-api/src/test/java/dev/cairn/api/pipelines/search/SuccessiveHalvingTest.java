package dev.cairn.api.pipelines.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.pipelines.search.SuccessiveHalving.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingTest {
    private final SuccessiveHalving halving = SuccessiveHalving.of(1, 9, 3);

    @Test
    void rungBudgetsRiseByEtaUpToTheMaximum() {
        assertThat(halving.budgets()).containsExactly(1, 3, 9);
        assertThat(SuccessiveHalving.of(2, 10, 3).budgets()).containsExactly(2, 6, 10);
    }

    @Test
    void theBestThirdOfARungGoesUpOneAtATime() {
        // Given: six configurations finished rung 0; the best third is configs 4 and 1
        var entries = new ArrayList<>(List.of(new Entry(0, 0, 0.50), new Entry(1, 0, 0.80), new Entry(2, 0, 0.60),
                new Entry(3, 0, 0.55), new Entry(4, 0, 0.90), new Entry(5, 0, 0.40)));
        // When
        var first = halving.promotion(entries);
        entries.add(new Entry(4, 1, null)); // running on rung 1
        var second = halving.promotion(entries);
        entries.add(new Entry(1, 1, null));
        var third = halving.promotion(entries);
        // Then
        assertThat(first).contains(new SuccessiveHalving.Promotion(4, 1));
        assertThat(second).contains(new SuccessiveHalving.Promotion(1, 1));
        assertThat(third).isEmpty();
    }

    @Test
    void tooFewFinishedTrialsPromoteNobody() {
        assertThat(halving.promotion(List.of(new Entry(0, 0, 0.9), new Entry(1, 0, 0.8), new Entry(2, 0, null))))
                .isEmpty();
    }

    @Test
    void theBestIsTakenFromTheHighestRungReached() {
        // Given: config 2 scored best on the small budget, but config 1 went further
        var entries = List.of(new Entry(0, 0, 0.7), new Entry(1, 0, 0.8), new Entry(2, 0, 0.95),
                new Entry(1, 1, 0.85), new Entry(2, 1, null));
        // When
        var best = SuccessiveHalving.best(entries);
        // Then
        assertThat(best).contains(new Entry(1, 1, 0.85));
    }
}
