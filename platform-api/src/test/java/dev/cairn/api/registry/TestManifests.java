package dev.cairn.api.registry;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.Lineage;
import dev.cairn.store.model.ModelManifest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Model manifests as the evaluate step writes them, small enough to read in a test. */
final class TestManifests {
    static final String MANIFEST_SHA = "a".repeat(64);
    static final String PAYLOAD_SHA = "b".repeat(64);

    private TestManifests() {
    }

    static ModelManifest churn(Map<String, Double> metrics) {
        return new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, "tribuo", "4.3.2", "tribuo-protobuf",
                PAYLOAD_SHA, 2048, "classification", "churn",
                List.of(new InputFeature("tenure", ColumnType.NUMERIC, null),
                        new InputFeature("contract", ColumnType.CATEGORICAL, List.of("month-to-month", "one-year"))),
                List.of("No", "Yes"), List.of(), metrics,
                new Lineage("ignored-run-id", "churn", "telco-churn", 3, "c".repeat(64), "d".repeat(64), "cart",
                        Map.of("max_depth", 6), 42, Map.of("tribuo", "4.3.2")),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    static ModelManifest churn() {
        return churn(Map.of("accuracy", 0.8, "f1_macro", 0.71));
    }
}
