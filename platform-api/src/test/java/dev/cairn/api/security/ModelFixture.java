package dev.cairn.api.security;

import dev.cairn.api.registry.ModelVersion;
import dev.cairn.contracts.ColumnType;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.Lineage;
import dev.cairn.store.model.ModelManifest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A registered model with one version, as a finished pipeline run leaves it (no worker needed). */
final class ModelFixture {
    private ModelFixture() {
    }

    /** Registers version 1 of a new model; returns the model's name. */
    static String registered() {
        var model = "churn-" + UUID.randomUUID().toString().substring(0, 8);
        var pipelineRun = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> ModelVersion.register(model, manifest(), "a".repeat(64),
                pipelineRun, null));
        return model;
    }

    private static ModelManifest manifest() {
        return new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, "tribuo", "4.3.2", "tribuo-protobuf",
                "b".repeat(64), 2048, "classification", "churn",
                List.of(new InputFeature("tenure", ColumnType.NUMERIC, null)), List.of("No", "Yes"), List.of(),
                Map.of("accuracy", 0.8),
                new Lineage("run", "churn", "telco-churn", 1, "c".repeat(64), "d".repeat(64), "cart", Map.of(), 42,
                        Map.of("tribuo", "4.3.2")),
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
