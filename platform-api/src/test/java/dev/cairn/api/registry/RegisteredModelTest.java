package dev.cairn.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.problem.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisteredModelTest {

    @ParameterizedTest
    @ValueSource(strings = { "churn-classifier", "fraud.v2", "m", "credit_risk" })
    void acceptsBoringLowercaseNames(String name) {
        // When
        var model = RegisteredModel.newModel(name, Instant.EPOCH);
        // Then
        assertThat(model.name).isEqualTo(name);
        assertThat(model.lastVersion).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Churn", "-churn", "churn classifier", "churn/v2", "" })
    void refusesNamesThatCannotBecomeDeploymentNames(String name) {
        // When
        var thrown = assertThatThrownBy(() -> RegisteredModel.newModel(name, Instant.EPOCH));
        // Then
        thrown.isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).slug()).isEqualTo("invalid-model-name");
    }
}
