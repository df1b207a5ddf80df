package dev.cairn.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.worker.task.StepFailure;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlgorithmTest {

    @Test
    void trainsExactlyWhatTheControlPlaneAcceptsWithTheSameParameterNames() {
        // Given: platform-api validates specs against the contracts' list before any task is sent
        var accepted = Arrays.stream(dev.cairn.contracts.Algorithm.values())
                .collect(Collectors.toMap(dev.cairn.contracts.Algorithm::specName, a -> Set.copyOf(a.params())));
        // When
        var trained = Arrays.stream(Algorithm.values()).collect(Collectors.toMap(a -> a.specName, a -> {
            var names = a.params.stream().map(ParamSpec::name).collect(Collectors.toSet());
            if (a == Algorithm.MLP) {
                names.add("layers"); // the one list parameter, checked by HiddenLayers
            }
            return names;
        }));
        // Then
        assertThat(trained).isEqualTo(accepted);
    }

    @Test
    void fillsDefaultsForParametersNotGiven() {
        // Given
        Map<String, Object> given = Map.of("max_depth", 3);
        // When
        var params = Algorithm.CART.resolve(given);
        // Then
        assertThat(params).containsExactly(Map.entry("max_depth", 3), Map.entry("min_child_weight", 5.0));
    }

    @Test
    void takesAWholeNumberWrittenAsADecimal() {
        // Given: JSON and YAML may give 10.0 for 10
        Map<String, Object> given = Map.of("epochs", 10.0, "learning_rate", 1);
        // When
        var params = Algorithm.LOGISTIC_REGRESSION.resolve(given);
        // Then
        assertThat(params).containsEntry("epochs", 10).containsEntry("learning_rate", 1.0);
    }

    @Test
    void rejectsAnUnknownParameterListingTheKnownOnes() {
        // Given
        Map<String, Object> given = Map.of("depth", 3);
        // When / Then
        assertThatThrownBy(() -> Algorithm.CART.resolve(given))
                .isInstanceOf(StepFailure.class)
                .hasMessage("unknown parameter 'depth' for cart; known: max_depth, min_child_weight");
    }

    @Test
    void rejectsAFractionWhereAWholeNumberIsNeeded() {
        // Given
        Map<String, Object> given = Map.of("max_depth", 2.5);
        // When / Then
        assertThatThrownBy(() -> Algorithm.CART.resolve(given))
                .isInstanceOf(StepFailure.class)
                .hasMessage("parameter 'max_depth' for cart must be a whole number, got 2.5");
    }

    @Test
    void rejectsTextWhereANumberIsNeeded() {
        // Given
        Map<String, Object> given = Map.of("learning_rate", "fast");
        // When / Then
        assertThatThrownBy(() -> Algorithm.LOGISTIC_REGRESSION.resolve(given))
                .isInstanceOf(StepFailure.class)
                .hasMessage("parameter 'learning_rate' for logistic-regression must be a number, got 'fast'");
    }

    @Test
    void rejectsAValueBelowTheBound() {
        // Given
        Map<String, Object> given = Map.of("learning_rate", 0);
        // When / Then
        assertThatThrownBy(() -> Algorithm.LOGISTIC_REGRESSION.resolve(given))
                .isInstanceOf(StepFailure.class)
                .hasMessage("parameter 'learning_rate' for logistic-regression must be greater than 0, got 0");
    }

    @Test
    void rejectsAZeroDepth() {
        // Given
        Map<String, Object> given = Map.of("max_depth", 0);
        // When / Then
        assertThatThrownBy(() -> Algorithm.CART.resolve(given))
                .isInstanceOf(StepFailure.class)
                .hasMessage("parameter 'max_depth' for cart must be at least 1, got 0");
    }

    @Test
    void rejectsAnUnknownAlgorithmListingTheKnownOnes() {
        // When / Then
        assertThatThrownBy(() -> Algorithm.named("gradient-boosted-forest"))
                .isInstanceOf(StepFailure.class)
                .hasMessage("unknown algorithm 'gradient-boosted-forest'; known: logistic-regression, cart, linear-svm, random-forest, xgboost, knn, naive-bayes, mlp, "
                        + "linear-regression, cart-regressor, xgboost-regressor");
    }
}
