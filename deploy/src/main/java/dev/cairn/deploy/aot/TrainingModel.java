package dev.cairn.deploy.aot;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.store.model.Featurizer;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.Lineage;
import dev.cairn.store.model.ModelManifest;
import dev.cairn.store.model.ModelPackages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * A small model of the kind the platform trains most (a Tribuo logistic regression with standardised numbers, an
 * imputed number and a one-hot category), stored as a real package. The AOT training run serves it so the cache
 * records the classes every Tribuo tabular model loads: package reading, protobuf, featurizer, transformed model.
 */
final class TrainingModel {

    static final List<InputFeature> SIGNATURE = List.of(
            new InputFeature("tenure", ColumnType.NUMERIC, null),
            new InputFeature("charges", ColumnType.NUMERIC, null),
            new InputFeature("contract", ColumnType.CATEGORICAL, List.of("monthly", "yearly")));

    private TrainingModel() {
    }

    /** @return the package's manifest digest */
    static String store(Path root) throws IOException {
        var missing = MissingTokens.DEFAULT;
        var preprocessing = List.of(new ColumnTransform("charges", ColumnType.NUMERIC, 50.0, null, null, null));
        var featurizer = Featurizer.of(SIGNATURE, preprocessing, missing);
        var labels = new LabelFactory();
        var dataset = new MutableDataset<>(new SimpleDataSourceProvenance("aot-training", labels), labels);
        for (int i = 0; i < 64; i++) {
            boolean yearly = i % 2 == 0;
            var row = Map.of("tenure", String.valueOf(i), "charges", String.valueOf(20 + i % 7 * 10),
                    "contract", yearly ? "yearly" : "monthly");
            dataset.add(featurizer.example(row, new Label(yearly || i > 40 ? "stay" : "leave")));
        }
        var trainer = new TransformTrainer<>(
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 2, Integer.MAX_VALUE, 1, 42L),
                new TransformationMap(List.of(), Map.of("tenure", List.of(new MeanStdDevTransformation()),
                        "charges", List.of(new MeanStdDevTransformation()))));
        var manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, null, null, null, null, 0,
                "classification", "churned", SIGNATURE, null, preprocessing, Map.of(),
                new Lineage("aot-training", "synthetic", "synthetic", 1, "0".repeat(64), "0".repeat(64),
                        "logistic-regression", Map.of("epochs", 2), 42, Map.of("tribuo", "4.3.2")),
                Instant.EPOCH, missing.tokens());
        return ModelPackages.save(new FilesystemArtifactStorage(root), manifest, trainer.train(dataset)).sha256();
    }
}
