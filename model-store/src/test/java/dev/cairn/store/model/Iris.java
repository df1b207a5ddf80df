package dev.cairn.store.model;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.csv.CsvRows;
import dev.cairn.store.csv.MissingTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** The iris rows from test resources, and small models trained on them the way the train step does. */
final class Iris {

    static final List<InputFeature> SIGNATURE = List.of(
            new InputFeature("sepal_length", ColumnType.NUMERIC, null),
            new InputFeature("sepal_width", ColumnType.NUMERIC, null),
            new InputFeature("petal_length", ColumnType.NUMERIC, null),
            new InputFeature("petal_width", ColumnType.NUMERIC, null));

    static final List<Map<String, String>> ROWS = read();

    private Iris() {
    }

    static Model<Label> train(String algorithm) {
        Trainer<Label> trainer = switch (algorithm) {
            case "logistic-regression" -> new LogisticRegressionTrainer();
            case "cart" -> new CARTClassificationTrainer(4);
            default -> throw new IllegalArgumentException(algorithm);
        };
        var featurizer = Featurizer.of(SIGNATURE, List.of(), MissingTokens.DEFAULT);
        var labels = new LabelFactory();
        var dataset = new MutableDataset<>(new SimpleDataSourceProvenance("iris", labels), labels);
        for (Map<String, String> row : ROWS) {
            dataset.add(featurizer.example(row, new Label(row.get("species"))));
        }
        return trainer.train(dataset);
    }

    /** A manifest as the train step writes it, before the payload is known. */
    static ModelManifest manifest(String algorithm) {
        return new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, null, null, null, null, 0, "classification",
                "species", SIGNATURE, null, List.of(), Map.of("train_seconds", 0.1),
                new Lineage("run-1", "iris", "iris", 1, "a".repeat(64), "b".repeat(64), algorithm, Map.of(), 42,
                        Map.of("tribuo", "4.3.2")),
                Instant.parse("2026-01-02T03:04:05Z"), MissingTokens.DEFAULT.tokens());
    }

    private static List<Map<String, String>> read() {
        try (InputStream in = Iris.class.getResourceAsStream("/iris.csv"); CsvRows rows = CsvRows.open(in)) {
            List<Map<String, String>> all = new ArrayList<>();
            rows.forEachRemaining(row -> all.add(rows.asMap(row)));
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
