package dev.cairn.worker.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final double EPS = 1e-9;

    private static List<ScoredRow> rows(List<String> actual, List<String> predicted) {
        var rows = new ArrayList<ScoredRow>();
        for (int i = 0; i < actual.size(); i++) {
            rows.add(new ScoredRow(actual.get(i), predicted.get(i), predicted.get(i).equals("y") ? 0.9 : 0.1));
        }
        return rows;
    }

    @Test
    void computesBinaryMetricsFromTheConfusionMatrix() {
        // Given
        // actual n: 4 predicted n, 1 predicted y; actual y: 1 predicted n, 2 predicted y
        // n: precision 4/5, recall 4/5, f1 0.8, support 5; y: precision 2/3, recall 2/3, f1 2/3, support 3
        // accuracy 6/8 = 0.75; f1_macro (0.8 + 2/3)/2 = 0.7333; f1_weighted (5*0.8 + 3*2/3)/8 = 0.75
        var rows = rows(List.of("y", "y", "y", "n", "n", "n", "n", "n"),
                List.of("y", "y", "n", "n", "n", "n", "y", "n"));
        // When
        var evaluation = Evaluation.of(rows, "y", true);
        // Then
        assertThat(evaluation.matrix().labels()).containsExactly("n", "y");
        assertThat(evaluation.matrix().counts()).isDeepEqualTo(new long[][] {{4, 1}, {1, 2}});
        var metrics = evaluation.metrics();
        assertThat(metrics.get("accuracy")).isCloseTo(0.75, within(EPS));
        assertThat(metrics.get("precision_macro")).isCloseTo((0.8 + 2.0 / 3) / 2, within(EPS));
        assertThat(metrics.get("f1_macro")).isCloseTo((0.8 + 2.0 / 3) / 2, within(EPS));
        assertThat(metrics.get("f1_weighted")).isCloseTo(0.75, within(EPS));
        assertThat(metrics).containsKey("roc_auc");
    }

    @Test
    void givesZeroToAClassThatIsNeverPredicted() {
        // Given
        // labels a, b, c; rows (actual→predicted): a→a, a→a, b→b, b→a, c→a
        // a: precision 2/4, recall 2/2, f1 2*.5*1/1.5 = 2/3
        // b: precision 1/1, recall 1/2, f1 2/3
        // c: never predicted: precision 0/0 := 0, recall 0/1 = 0, f1 0/0 := 0
        // precision_macro (0.5+1+0)/3 = 0.5; recall_macro (1+0.5+0)/3 = 0.5; f1_macro (2/3+2/3+0)/3 = 4/9
        // f1_weighted (2*2/3 + 2*2/3 + 1*0)/5 = 8/15; accuracy 3/5
        var rows = rows(List.of("a", "a", "b", "b", "c"), List.of("a", "a", "b", "a", "a"));
        // When
        var evaluation = Evaluation.of(rows, "c", false);
        // Then
        var c = evaluation.perClass().get(2);
        assertThat(c.precision()).isZero();
        assertThat(c.recall()).isZero();
        assertThat(c.f1()).isZero();
        assertThat(c.support()).isEqualTo(1);
        var metrics = evaluation.metrics();
        assertThat(metrics.get("accuracy")).isCloseTo(0.6, within(EPS));
        assertThat(metrics.get("precision_macro")).isCloseTo(0.5, within(EPS));
        assertThat(metrics.get("recall_macro")).isCloseTo(0.5, within(EPS));
        assertThat(metrics.get("f1_macro")).isCloseTo(4.0 / 9, within(EPS));
        assertThat(metrics.get("f1_weighted")).isCloseTo(8.0 / 15, within(EPS));
        assertThat(metrics.get("recall_weighted")).isCloseTo(0.6, within(EPS));
    }

    @Test
    void leavesRocAucOutForMulticlassModels() {
        // Given
        var rows = rows(List.of("a", "b", "c"), List.of("a", "b", "c"));
        // When
        var metrics = Evaluation.of(rows, "a", false).metrics();
        // Then
        assertThat(metrics).doesNotContainKey("roc_auc").containsEntry("accuracy", 1.0);
    }

    @Test
    void reportsConfusionMatrixPerClassFiguresAndPositiveClass() {
        // Given
        var rows = rows(List.of("y", "n"), List.of("y", "y"));
        // When
        var report = Evaluation.of(rows, "y", true).report();
        // Then
        assertThat(report).containsEntry("positive", "y")
                .containsEntry("confusion_matrix", java.util.Map.of("labels", List.of("n", "y"),
                        "matrix", List.of(List.of(0L, 1L), List.of(0L, 1L))));
        assertThat(report.get("per_class")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("n", "y");
    }

    @Test
    void givesZeroMetricsOnAnEmptyTestSet() {
        // Given
        List<ScoredRow> rows = List.of();
        // When
        var metrics = Evaluation.of(rows, "y", true).metrics();
        // Then
        assertThat(metrics).containsEntry("accuracy", 0.0).doesNotContainKey("roc_auc");
    }
}
