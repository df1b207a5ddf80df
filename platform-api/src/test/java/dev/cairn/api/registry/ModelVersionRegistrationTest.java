package dev.cairn.api.registry;

import static dev.cairn.api.registry.RegistryResourceTest.uniqueModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The orchestrator's call, {@link ModelVersion#register}, against the real database. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class ModelVersionRegistrationTest {

    private static int register(String model, String pipelineRun) {
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.register(model, TestManifests.churn(),
                TestManifests.MANIFEST_SHA, pipelineRun, null).version);
    }

    @Test
    void createsTheModelWithVersionOneOnFirstRegistration() {
        // Given
        var model = uniqueModel();
        // When
        int version = register(model, UUID.randomUUID().toString());
        // Then
        assertThat(version).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> RegisteredModel.byName(model).orElseThrow().lastVersion))
                .isEqualTo(1);
    }

    @Test
    void aRedeliveredResultReturnsTheVersionAlreadyRegistered() {
        // Given
        var model = uniqueModel();
        var pipelineRun = UUID.randomUUID().toString();
        register(model, pipelineRun);
        // When
        int again = register(model, pipelineRun);
        // Then
        assertThat(again).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ModelVersion.count("model.name", model))).isEqualTo(1);
    }

    @Test
    void theNextPipelineRunGetsTheNextNumber() {
        // Given
        var model = uniqueModel();
        register(model, UUID.randomUUID().toString());
        // When
        int next = register(model, UUID.randomUUID().toString());
        // Then
        assertThat(next).isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesASecondVersionFromTheSamePipelineRun() {
        // Given
        var model = uniqueModel();
        var pipelineRun = UUID.randomUUID().toString();
        register(model, pipelineRun);
        // When: bypassing register's check, as a racing second delivery would
        var thrown = assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            var existing = RegisteredModel.lockedOrCreated(model);
            ModelVersion.describe(existing, TestManifests.churn(), TestManifests.MANIFEST_SHA, pipelineRun, null,
                    Instant.now()).persistAndFlush();
        }));
        // Then
        thrown.hasStackTraceContaining("model_version_source_run");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ModelVersion.count("model.name", model))).isEqualTo(1);
    }

    @Test
    void refusesAModelNameThatCannotBecomeADeploymentName() {
        // When
        var thrown = assertThatThrownBy(() -> register("Churn Classifier", UUID.randomUUID().toString()));
        // Then
        thrown.hasMessageContaining("Model names are");
    }
}
