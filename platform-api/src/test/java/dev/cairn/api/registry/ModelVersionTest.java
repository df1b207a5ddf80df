package dev.cairn.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelVersionTest {
    private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void versionsOfOneModelAreNumberedFromOneUp() {
        // Given
        var model = RegisteredModel.newModel("churn-classifier", NOW);
        var first = ModelVersion.describe(model, TestManifests.churn(), TestManifests.MANIFEST_SHA, "pr-1", null, NOW);
        // When
        var second = ModelVersion.describe(model, TestManifests.churn(), TestManifests.MANIFEST_SHA, "pr-2", null, NOW);
        // Then
        assertThat(first.version).isEqualTo(1);
        assertThat(second.version).isEqualTo(2);
        assertThat(model.lastVersion).isEqualTo(2);
    }

    @Test
    void takesSignatureLabelsAndLineageFromTheManifestAndTheCaller() {
        // Given
        var model = RegisteredModel.newModel("churn-classifier", NOW);
        // When
        var version = ModelVersion.describe(model, TestManifests.churn(), TestManifests.MANIFEST_SHA, "pr-7", "run-7",
                NOW);
        // Then
        assertThat(version.manifestSha256).isEqualTo(TestManifests.MANIFEST_SHA);
        assertThat(version.payloadSha256).isEqualTo(TestManifests.PAYLOAD_SHA);
        assertThat(version.labels).containsExactly("No", "Yes");
        assertThat(version.inputSignature).extracting(f -> f.name()).containsExactly("tenure", "contract");
        assertThat(version.sourceRunId).isEqualTo("pr-7");
        assertThat(version.lineage.runId()).isEqualTo("run-7");
        assertThat(version.lineage.pipelineRunId()).isEqualTo("pr-7");
        assertThat(version.lineage.dataset()).isEqualTo("telco-churn");
        assertThat(version.lineage.datasetVersion()).isEqualTo(3);
        assertThat(version.lineage.datasetSha256()).isEqualTo("c".repeat(64));
    }

    @Test
    void leavesOutMetricsJsonCannotCarry() {
        // Given
        var metrics = new HashMap<String, Double>(Map.of("accuracy", 0.8, "log_loss", Double.NaN,
                "roc_auc", Double.POSITIVE_INFINITY));
        var model = RegisteredModel.newModel("churn-classifier", NOW);
        // When
        var version = ModelVersion.describe(model, TestManifests.churn(metrics), TestManifests.MANIFEST_SHA, "pr-1",
                null, NOW);
        // Then
        assertThat(version.metrics).containsExactlyEntriesOf(Map.of("accuracy", 0.8));
    }
}
