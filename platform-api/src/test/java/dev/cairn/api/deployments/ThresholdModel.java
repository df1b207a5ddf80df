package dev.cairn.api.deployments;

import dev.cairn.api.registry.AliasMoves;
import dev.cairn.api.registry.ModelVersion;
import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.Featurizer;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.Lineage;
import dev.cairn.store.model.ModelManifest;
import dev.cairn.store.model.ModelPackages;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A real, tiny model package in the test's store and registered in the registry: label {@code high} when
 * {@code x} is above a threshold. Two versions with different thresholds answer differently for some x, so a test
 * can tell which version served.
 */
final class ThresholdModel {
    private ThresholdModel() {
    }

    /** Registers a new model with version 1 (threshold 0) as {@code production}; returns its name. */
    static String registeredInProduction() throws Exception {
        var name = "thresh-" + UUID.randomUUID().toString().substring(0, 8);
        register(name, 0.0);
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(AliasMoves.class).get()
                .point(name, "production", 1));
        return name;
    }

    /** Registers the next version of {@code name}, labelling {@code x > threshold} as high. */
    static int register(String name, double threshold) throws Exception {
        var signature = List.of(new InputFeature("x", ColumnType.NUMERIC, null));
        var featurizer = Featurizer.of(signature, List.of(), MissingTokens.DEFAULT);
        var labels = new LabelFactory();
        var data = new MutableDataset<>(new SimpleDataSourceProvenance("threshold", labels), labels);
        for (int i = -100; i <= 100; i++) {
            double x = threshold + i / 10.0;
            data.add(featurizer.example(Map.of("x", Double.toString(x)), new Label(x > threshold ? "high" : "low")));
        }
        var model = new LogisticRegressionTrainer().train(data);
        var manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, null, null, null, null, 0,
                "classification", "label", signature, null, List.of(), Map.of(),
                new Lineage("run", "threshold", "threshold", 1, "a".repeat(64), "b".repeat(64),
                        "logistic-regression", Map.of(), 42, Map.of("tribuo", "4.3.2")),
                Instant.now(), MissingTokens.DEFAULT.tokens());
        var store = new FilesystemArtifactStorage(
                Path.of(ConfigProvider.getConfig().getValue("cairn.store.root", String.class)));
        var ref = ModelPackages.save(store, manifest, model);
        var saved = ModelPackages.readManifest(store, ref.sha256());
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.register(name, saved, ref.sha256(),
                UUID.randomUUID().toString(), null).version);
    }
}
