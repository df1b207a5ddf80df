package dev.cairn.deploy.text;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.CsvRows;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.Featurizer;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.Lineage;
import dev.cairn.store.model.ModelManifest;
import dev.cairn.store.model.ModelPackages;
import dev.cairn.store.text.TextSettings;
import dev.cairn.store.text.TextVectorizer;
import dev.cairn.store.text.TextVocabularies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A text classifier on the real Debian fortunes (pipeline-worker's copy of the CSV): words and word pairs, TF-IDF,
 * logistic regression as the train step builds it (AdaGrad at rate 1.0, 5 epochs, seed 42), every 5th row held out;
 * stored as a model package with its JSON vocabulary.
 */
final class FortunesModel {

    static final Path CSV = Path.of(System.getProperty("basedir", "."))
            .resolve("../pipeline-worker/src/test/resources/data/fortunes.csv").normalize();
    static final String TEXT = "text";
    static final String TARGET = "category";

    private FortunesModel() {
    }

    /** Trains and stores the model; returns the package's manifest digest. */
    static String store(Path storeRoot) throws IOException {
        List<Map<String, String>> rows = rows();
        List<Map<String, String>> training = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i % 5 != 0) {
                training.add(rows.get(i));
            }
        }
        var settings = new TextSettings(1, 2, TextSettings.TFIDF, TextSettings.L2, true, 1, 50_000, 0);
        var vectorizer = TextVectorizer.fit(TEXT, settings, training.stream().map(r -> r.get(TEXT)).toList());
        var signature = List.of(new InputFeature(TEXT, ColumnType.TEXT, null));
        var featurizer = Featurizer.of(signature, List.of(), MissingTokens.DEFAULT, List.of(vectorizer));
        var labels = new LabelFactory();
        var dataset = new MutableDataset<>(new SimpleDataSourceProvenance("fortunes", labels), labels);
        training.forEach(row -> dataset.add(featurizer.example(row, new Label(row.get(TARGET)))));
        var model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 5, Integer.MAX_VALUE, 1, 42L)
                .train(dataset);
        var storage = new FilesystemArtifactStorage(storeRoot);
        var vocabulary = TextVocabularies.save(storage, List.of(vectorizer.vocabulary()));
        var manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, null, null, null, null, 0,
                "classification", TARGET, signature, null, List.of(), Map.of(),
                new Lineage("run-text", "fortunes", "fortunes", 1, "a".repeat(64), "b".repeat(64),
                        "logistic-regression", Map.of("epochs", 5), 42, Map.of("tribuo", "4.3.2")),
                Instant.now(), MissingTokens.DEFAULT.tokens()).withTextVocabulary(vocabulary.sha256());
        return ModelPackages.save(storage, manifest, model).sha256();
    }

    static List<Map<String, String>> rows() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(CSV); var reader = CsvRows.open(in)) {
            reader.forEachRemaining(cells -> rows.add(reader.asMap(cells)));
        }
        return rows;
    }
}
