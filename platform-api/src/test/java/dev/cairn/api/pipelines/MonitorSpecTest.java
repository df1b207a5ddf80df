package dev.cairn.api.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.api.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

/** The spec's {@code monitor} section: DESIGN.md's example as written, defaults, and each complaint. */
class MonitorSpecTest {

    @Test
    void readsTheDesignExampleWithItsRetrainingPolicy() {
        // Given (YAML 1.1 would read the key `on` as true; the spec reads it as the word)
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps: { train: { algorithm: cart } }
                monitor:
                  drift:   { method: psi, threshold: 0.2, window: 15m }
                  retrain: { on: [drift, performance], cooldown: 6h }
                """;
        // When
        var monitor = SpecFixtures.valid(yaml).spec().monitor();
        // Then
        assertThat(monitor.drift().method()).isEqualTo("psi");
        assertThat(monitor.drift().threshold()).isEqualTo(0.2);
        assertThat(monitor.drift().window()).isEqualTo("15m");
        assertThat(monitor.retrain().on()).containsExactly("drift", "performance");
        assertThat(monitor.retrain().cooldown()).isEqualTo("6h");
        assertThat(monitor.retrain().cooldownSeconds()).isEqualTo(6 * 3600);
    }

    @Test
    void fillsTheMethodsLineAndASixHourCooldown() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps: { train: { algorithm: cart } }
                monitor:
                  drift: { method: chi-square }
                  retrain: { on: [performance] }
                """;
        // When
        var monitor = SpecFixtures.valid(yaml).spec().monitor();
        // Then
        assertThat(monitor.drift().threshold()).isEqualTo(0.001);
        assertThat(monitor.drift().window()).isNull();
        assertThat(monitor.retrain().cooldownSeconds()).isEqualTo(21_600);
    }

    @Test
    void aSpecWithoutMonitorHasNoRetrainingPolicy() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps: { train: { algorithm: cart } }
                """;
        // When
        var spec = SpecFixtures.valid(yaml).spec();
        // Then
        assertThat(spec.monitor()).isNull();
    }

    @Test
    void saysWhatIsWrongWithEachMonitorField() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps: { train: { algorithm: cart } }
                monitor:
                  drift: { method: wasserstein, window: soon }
                  retrain: { on: [drift, health], cooldown: 30s }
                """;
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> SpecFixtures.valid(yaml));
        // Then
        assertThat(error.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("monitor.drift.method",
                "monitor.retrain.on", "monitor.retrain.cooldown");
        assertThat(error.errors()).extracting(FieldError::message).containsExactlyInAnyOrder(
                "'wasserstein' is not one of [chi-square, jensen-shannon, ks, psi]",
                "'health' cannot start a retraining run; one of [drift, performance] (quality and health alerts "
                        + "need a person, not new weights)",
                "must be at least 1m; got 30s");
    }

    @Test
    void refusesAPolicyThatRetrainsOnNothingAndAPValueLineOfOne() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps: { train: { algorithm: cart } }
                monitor:
                  drift: { method: ks, threshold: 1, window: 50 }
                  retrain: { on: [], cooldown: 6 hours }
                """;
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> SpecFixtures.valid(yaml));
        // Then
        assertThat(error.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "monitor.drift.threshold", "monitor.drift.window", "monitor.retrain.on", "monitor.retrain.cooldown");
        assertThat(error.errors()).extracting(FieldError::message).contains(
                "a p-value line for ks: between 0 and 1 (exclusive); got 1.0",
                "'6 hours' is not a duration such as 30m, 6h or 1d");
    }
}
