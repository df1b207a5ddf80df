package dev.cairn.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.contracts.AlertChanged;
import dev.cairn.monitoring.drift.FeatureDrift;
import dev.cairn.monitoring.window.HealthReport;
import dev.cairn.monitoring.window.PerformanceReport;
import dev.cairn.monitoring.window.WindowReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {

    private static final AlertRule PSI = new AlertRule("feature-psi", "psi", Set.of(), true, 0.2, 0.1,
            Duration.ofHours(1));

    private static WindowReport window(double psi, int minute) {
        var drift = new FeatureDrift("distance", "numeric", 1000, psi, 0, 1, Double.NaN, Double.NaN, 0, 0, 0,
                Double.NaN, 0);
        Instant end = Instant.EPOCH.plus(Duration.ofMinutes(minute));
        return new WindowReport("flights", "1", "pkg", end.minusSeconds(60), end, 1000, true, List.of(drift), null,
                new PerformanceReport(0, Double.NaN, Double.NaN, Double.NaN),
                new HealthReport(1000, 0, 0, 1, 1, 1, List.of()));
    }

    @Test
    void firesOnceWhileTheMetricStaysAboveTheThreshold() {
        // Given
        var evaluator = new AlertEvaluator(List.of(PSI), 100);
        // When
        var first = evaluator.evaluate(window(0.3, 1));
        var second = evaluator.evaluate(window(0.35, 2));
        // Then
        assertThat(first).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertChanged.State.FIRING);
            assertThat(a.kind()).isEqualTo(AlertChanged.Kind.DRIFT);
            assertThat(a.feature()).isEqualTo("distance");
            assertThat(a.value()).isEqualTo(0.3);
        });
        assertThat(second).isEmpty();
    }

    @Test
    void resolvesOnlyBelowTheClearLevel() {
        // Given a firing alert
        var evaluator = new AlertEvaluator(List.of(PSI), 100);
        var fired = evaluator.evaluate(window(0.3, 1)).get(0);
        // When it dips under the threshold but stays above the clear level, then falls under it
        var hovering = evaluator.evaluate(window(0.15, 2));
        var cleared = evaluator.evaluate(window(0.05, 3));
        // Then
        assertThat(hovering).isEmpty();
        assertThat(cleared).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertChanged.State.RESOLVED);
            assertThat(a.alertId()).isEqualTo(fired.alertId());
        });
    }

    @Test
    void staysQuietDuringTheCooldown() {
        // Given an alert that fired at minute 1 and resolved
        var evaluator = new AlertEvaluator(List.of(PSI), 100);
        evaluator.evaluate(window(0.3, 1));
        evaluator.evaluate(window(0.0, 2));
        // When the metric breaches again within the hour, and again after it
        var withinCooldown = evaluator.evaluate(window(0.4, 30));
        var afterCooldown = evaluator.evaluate(window(0.4, 62));
        // Then
        assertThat(withinCooldown).isEmpty();
        assertThat(evaluator.suppressed()).isEqualTo(1);
        assertThat(afterCooldown).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(AlertChanged.State.FIRING));
    }

    @Test
    void firesBelowRulesOnPerformanceWithEnoughLabels() {
        // Given accuracy must stay above .8, judged on windows with at least 100 labels
        var rule = new AlertRule("accuracy", "accuracy", Set.of(), false, 0.8, 0.85, Duration.ofHours(1));
        var evaluator = new AlertEvaluator(List.of(rule), 100);
        var few = window(0, 1);
        few = new WindowReport(few.deploymentId(), "1", "pkg", few.start(), few.end(), 1000, true, few.features(),
                null, new PerformanceReport(50, 0.5, 0.5, 0.5), few.health());
        var many = new WindowReport(few.deploymentId(), "1", "pkg", few.start(), few.end(), 1000, true,
                few.features(), null, new PerformanceReport(500, 0.7, 0.6, 0.6), few.health());
        // When
        var fromFew = evaluator.evaluate(few);
        var fromMany = evaluator.evaluate(many);
        // Then
        assertThat(fromFew).isEmpty();
        assertThat(fromMany).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertChanged.Kind.PERFORMANCE);
            assertThat(a.value()).isEqualTo(0.7);
        });
    }

    @Test
    void refusesARuleThatWouldResolveBeyondItsThreshold() {
        // Given / When / Then
        assertThatThrownBy(() -> new AlertRule("bad", "psi", Set.of(), true, 0.2, 0.3, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlertRule("bad", "nonsense", Set.of(), true, 0.2, 0.1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
