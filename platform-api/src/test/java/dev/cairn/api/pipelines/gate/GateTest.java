package dev.cairn.api.pipelines.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateTest {
    private static final Map<String, Double> PRODUCTION = Map.of("f1_macro", 0.75, "accuracy", 0.81);

    private static Optional<Map<String, Double>> aliases(String alias) {
        return alias.equals("production") ? Optional.of(PRODUCTION) : Optional.empty();
    }

    @Test
    void passesWhenEveryComparisonHolds() {
        // Given
        var gate = Gate.parse("f1_macro >= 0.80 and f1_macro >= production.f1_macro - 0.01");
        // When
        var verdict = gate.evaluate(Map.of("f1_macro", 0.82), GateTest::aliases);
        // Then
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.notes()).isEmpty();
    }

    @Test
    void aFailedGateNamesTheNumbersThatFailedIt() {
        // Given
        var gate = Gate.parse("f1_macro >= 0.80 and f1_macro >= production.f1_macro - 0.01");
        // When
        var verdict = gate.evaluate(Map.of("f1_macro", 0.72), GateTest::aliases);
        // Then: 0.72 < 0.80, and 0.72 < 0.75 - 0.01 = 0.74
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reason()).isEqualTo(
                "gate failed: f1_macro 0.72 < 0.80; f1_macro 0.72 < production.f1_macro - 0.01 (0.74)");
    }

    @Test
    void aComparisonWithAnAliasNobodyHoldsPassesWithANote() {
        // Given
        var gate = Gate.parse("f1_macro >= 0.70 and f1_macro >= champion.f1_macro");
        // When
        var verdict = gate.evaluate(Map.of("f1_macro", 0.72), GateTest::aliases);
        // Then
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.notes()).singleElement().asString().contains("no version holds alias 'champion'");
    }

    @Test
    void absoluteThresholdsStillApplyWhenTheAliasIsMissing() {
        // When
        var verdict = Gate.parse("f1_macro >= 0.80 and f1_macro > staging.f1_macro")
                .evaluate(Map.of("f1_macro", 0.72), GateTest::aliases);
        // Then
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly("f1_macro 0.72 < 0.80");
    }

    @Test
    void orParenthesesNotAndArithmeticFollowPrecedence() {
        // Given: and binds tighter than or; + and - are left-associative; unary minus
        var gate = Gate.parse("(accuracy > 0.9 or f1_macro >= 0.7 and not (roc_auc < 0.5)) and "
                + "accuracy - production.accuracy + 0.05 >= -(0.0)");
        // When
        var verdict = gate.evaluate(Map.of("accuracy", 0.80, "f1_macro", 0.71, "roc_auc", 0.8), GateTest::aliases);
        // Then: 0.80 - 0.81 + 0.05 = 0.04 >= 0
        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void aMetricTheCandidateLacksFailsTheComparison() {
        // When
        var verdict = Gate.parse("roc_auc >= 0.8").evaluate(Map.of("f1_macro", 0.9), GateTest::aliases);
        // Then
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).singleElement().asString().contains("roc_auc was not measured");
    }

    @Test
    void listsTheMetricsItReads() {
        // When
        var gate = Gate.parse("f1_macro >= production.f1_macro and accuracy > 0.5");
        // Then
        assertThat(gate.candidateMetrics()).containsExactly("f1_macro", "accuracy");
        assertThat(gate.aliasMetrics()).containsExactly("production.f1_macro");
    }

    @Test
    void refusesWhatIsNotACondition() {
        assertThatThrownBy(() -> Gate.parse("f1_macro")).isInstanceOf(GateSyntaxException.class)
                .hasMessageContaining("must be a condition");
        assertThatThrownBy(() -> Gate.parse("f1_macro >= 0.8 and 0.5")).isInstanceOf(GateSyntaxException.class)
                .hasMessageContaining("'and' joins conditions");
        assertThatThrownBy(() -> Gate.parse("(f1_macro > 1) + 2 > 0")).isInstanceOf(GateSyntaxException.class)
                .hasMessageContaining("needs numbers");
    }

    @Test
    void syntaxErrorsNameTheColumn() {
        assertThatThrownBy(() -> Gate.parse("f1_macro >= 0.8 && accuracy > 0.5"))
                .isInstanceOf(GateSyntaxException.class).hasMessage("at column 17: unexpected '&'");
        assertThatThrownBy(() -> Gate.parse("f1_macro >= (0.8")).isInstanceOf(GateSyntaxException.class)
                .hasMessageContaining("closing ')'");
        assertThatThrownBy(() -> Gate.parse("f1_macro >= 0.8 accuracy")).isInstanceOf(GateSyntaxException.class)
                .hasMessage("at column 17: unexpected 'accuracy'");
        assertThatThrownBy(() -> Gate.parse("production. >= 1")).isInstanceOf(GateSyntaxException.class)
                .hasMessageContaining("comes a metric name");
        assertThatThrownBy(() -> Gate.parse(" ")).isInstanceOf(GateSyntaxException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        // When / Then
        assertThatThrownBy(() -> Gate.parse("(".repeat(300) + "1 > 0" + ")".repeat(300)))
                .isInstanceOf(GateSyntaxException.class).hasMessageContaining("nests deeper");
    }
}
