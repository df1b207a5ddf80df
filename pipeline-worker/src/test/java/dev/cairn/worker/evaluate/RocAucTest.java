package dev.cairn.worker.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void countsTiedScoresAsHalfAPair() {
        // Given
        // positives score 0.8, 0.4, 0.4; negatives 0.4, 0.2
        // pairs (pos > neg = 1, tie = 1/2): 0.8: 1 + 1; 0.4: 1/2 + 1; 0.4: 1/2 + 1 → 5 of 6 pairs
        // by ranks: 0.2→1, the three 0.4s share (2+3+4)/3 = 3, 0.8→5; U = (5+3+3) - 3*4/2 = 5; 5/6
        var positive = List.of(true, true, true, false, false);
        double[] scores = {0.8, 0.4, 0.4, 0.4, 0.2};
        // When
        var auc = RocAuc.of(positive, scores);
        // Then
        assertThat(auc).hasValueCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void isOneWhenEveryPositiveOutscoresEveryNegative() {
        // Given
        var positive = List.of(false, true, false, true);
        double[] scores = {0.1, 0.9, 0.3, 0.7};
        // When
        var auc = RocAuc.of(positive, scores);
        // Then
        assertThat(auc).hasValue(1.0);
    }

    @Test
    void isZeroWhenTheScoresAreReversed() {
        // Given
        var positive = List.of(false, true, false, true);
        double[] scores = {0.9, 0.1, 0.7, 0.3};
        // When
        var auc = RocAuc.of(positive, scores);
        // Then
        assertThat(auc).hasValue(0.0);
    }

    @Test
    void isOneHalfWhenAllScoresTie() {
        // Given
        var positive = List.of(true, false, true, false);
        double[] scores = {0.5, 0.5, 0.5, 0.5};
        // When
        var auc = RocAuc.of(positive, scores);
        // Then
        assertThat(auc).hasValue(0.5);
    }

    @Test
    void isUndefinedWithoutNegatives() {
        // Given
        var positive = List.of(true, true);
        double[] scores = {0.2, 0.8};
        // When
        var auc = RocAuc.of(positive, scores);
        // Then
        assertThat(auc).isEmpty();
    }

    @Test
    void sharesTheMeanRankAcrossARunOfTies() {
        // Given
        double[] scores = {3.0, 1.0, 3.0, 2.0, 3.0};
        // When
        double[] ranks = RocAuc.averageRanks(scores);
        // Then: 1.0→1, 2.0→2, the three 3.0s share (3+4+5)/3 = 4
        assertThat(ranks).containsExactly(4.0, 1.0, 4.0, 2.0, 4.0);
    }
}
