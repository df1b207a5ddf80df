package dev.cairn.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.contracts.Algorithm.Task;
import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.CsvRows;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.store.model.ModelManifest;
import dev.cairn.store.model.ModelPackages;
import dev.cairn.worker.artifact.Table;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;

/**
 * Every classifier (on iris) and every regressor (on diabetes) goes through the model store's package (Tribuo protobuf, no Java serialization) and
 * answers every iris row exactly as it did before it was saved: same label, same scores (probabilities
 * or, for the SVM, decision values).
 */
class ModelRoundTripTest {

    @TempDir
    Path store;

    static Table iris() throws Exception {
        return table("/data/iris.csv");
    }

    static Table table(String resource) throws Exception {
        try (InputStream in = ModelRoundTripTest.class.getResourceAsStream(resource); var csv = CsvRows.open(in)) {
            var rows = new ArrayList<String[]>();
            csv.forEachRemaining(rows::add);
            return new Table(csv.header(), rows);
        }
    }

    static List<ColumnTransform> numeric(Table table, String target) {
        return table.header().stream().filter(c -> !c.equals(target))
                .map(c -> new ColumnTransform(c, ColumnType.NUMERIC, null, null, null, null)).toList();
    }

    static Stream<Algorithm> classifiers() {
        return Arrays.stream(Algorithm.values()).filter(a -> a.task == Task.CLASSIFICATION);
    }

    static Stream<Algorithm> regressors() {
        return Arrays.stream(Algorithm.values()).filter(a -> a.task == Task.REGRESSION);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void classifierAnswersTheSameAfterThePackageRoundTrip(Algorithm algorithm) throws Exception {
        // Given
        var iris = iris();
        var preprocessing = numeric(iris, "species");
        var trained = new ModelTrainer(algorithm.specName, Map.of(), 42).train(iris, "species", preprocessing,
                MissingTokens.DEFAULT);
        var storage = new FilesystemArtifactStorage(store);
        var manifest = new ModelManifest(1, null, null, null, null, 0, "classification", "species",
                trained.inputSignature(), null, preprocessing, Map.of(), null, Instant.EPOCH);
        var saved = ModelPackages.save(storage, manifest, trained.model());
        // When
        var loaded = ModelPackages.load(storage, saved.sha256());
        // Then
        for (String[] cells : iris.rows()) {
            var before = trained.classifier().predict(trained.featurizer().example(iris.header(), cells, LabelFactory.UNKNOWN_LABEL));
            var row = asMap(iris.header(), cells);
            var after = loaded.model().predict(loaded.featurizer().example(row));
            assertThat(loaded.predict(row).label()).isEqualTo(before.getOutput().getLabel());
            for (Map.Entry<String, Label> score : before.getOutputScores().entrySet()) {
                assertThat(after.getOutputScores().get(score.getKey()).getScore())
                        .as("score of %s", score.getKey()).isCloseTo(score.getValue().getScore(), within(1e-9));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("regressors")
    void regressorAnswersTheSameAfterThePackageRoundTrip(Algorithm algorithm) throws Exception {
        // Given
        var diabetes = table("/data/diabetes.csv");
        var preprocessing = numeric(diabetes, "progression");
        var trained = new ModelTrainer(algorithm.specName, Map.of(), 42).train(diabetes, "progression", preprocessing,
                MissingTokens.DEFAULT);
        var storage = new FilesystemArtifactStorage(store);
        var manifest = new ModelManifest(1, null, null, null, null, 0, ModelManifest.REGRESSION, "progression",
                trained.inputSignature(), null, preprocessing, Map.of(), null, Instant.EPOCH);
        var saved = ModelPackages.save(storage, manifest, trained.model());
        // When
        var loaded = ModelPackages.loadRegression(storage, saved.sha256());
        // Then
        assertThat(loaded.manifest().task()).isEqualTo("regression");
        assertThat(loaded.manifest().labels()).isNull();
        for (String[] cells : diabetes.rows()) {
            double before = trained.regressor().predict(trained.featurizer().example(diabetes.header(), cells,
                    RegressionFactory.UNKNOWN_REGRESSOR)).getOutput().getValues()[0];
            assertThat(loaded.predict(asMap(diabetes.header(), cells))).isCloseTo(before, within(1e-9));
        }
    }

    private static Map<String, String> asMap(List<String> header, String[] cells) {
        var row = new HashMap<String, String>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells[i]);
        }
        return row;
    }
}
