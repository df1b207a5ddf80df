package dev.cairn.worker.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegressionEvaluationTest {

    @Test
    void measuresErrorsAgainstHandComputedValues() {
        // Given: errors -1, 0, 2, -2; actual mean 4.5, so SS_tot = 2.25 + 0.25 + 6.25 + 12.25 = 21
        double[] actual = {3, 5, 2, 8};
        double[] predicted = {2, 5, 4, 6};
        // When
        var metrics = RegressionEvaluation.of(actual, predicted).metrics();
        // Then: RMSE = sqrt(9 / 4) = 1.5; MAE = 5 / 4 = 1.25; R² = 1 - 9 / 21 = 4 / 7
        assertThat(metrics.get("rmse")).isCloseTo(1.5, within(1e-12));
        assertThat(metrics.get("mae")).isCloseTo(1.25, within(1e-12));
        assertThat(metrics.get("r2")).isCloseTo(4.0 / 7.0, within(1e-12));
    }

    @Test
    void scoresZeroForPredictingTheMeanAndBelowZeroForWorse() {
        // Given
        double[] actual = {1, 2, 3};
        // When
        var mean = RegressionEvaluation.of(actual, new double[] {2, 2, 2}).metrics();
        var worse = RegressionEvaluation.of(actual, new double[] {3, 2, 1}).metrics();
        // Then: SS_tot = 2; reversed predictions have SS_res = 8, so R² = 1 - 8 / 2 = -3
        assertThat(mean.get("r2")).isCloseTo(0.0, within(1e-12));
        assertThat(worse.get("r2")).isCloseTo(-3.0, within(1e-12));
    }

    @Test
    void leavesOutRSquaredWhenTheActualValuesAreAllEqual() {
        // When
        var metrics = RegressionEvaluation.of(new double[] {4, 4}, new double[] {3, 6}).metrics();
        // Then: RMSE = sqrt((1 + 4) / 2), MAE = 1.5
        assertThat(metrics).doesNotContainKey("r2");
        assertThat(metrics.get("rmse")).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(metrics.get("mae")).isCloseTo(1.5, within(1e-12));
    }
}
