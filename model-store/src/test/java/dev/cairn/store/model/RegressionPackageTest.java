package dev.cairn.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.MissingTokens;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

/** A regression package (petal width from the other iris measurements) saves, loads and says what it is. */
class RegressionPackageTest {

    private static final List<InputFeature> SIGNATURE = List.of(
            new InputFeature("sepal_length", ColumnType.NUMERIC, null),
            new InputFeature("sepal_width", ColumnType.NUMERIC, null),
            new InputFeature("petal_length", ColumnType.NUMERIC, null));

    @TempDir
    Path root;

    private static ModelManifest manifest() {
        return new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, null, null, null, null, 0,
                ModelManifest.REGRESSION, "petal_width", SIGNATURE, null, List.of(), Map.of(), null,
                Instant.parse("2026-01-02T03:04:05Z"));
    }

    private static Model<Regressor> train() {
        var featurizer = Featurizer.of(SIGNATURE, List.of(), MissingTokens.DEFAULT);
        var factory = new RegressionFactory();
        var dataset = new MutableDataset<>(new SimpleDataSourceProvenance("iris", factory), factory);
        for (Map<String, String> row : Iris.ROWS) {
            dataset.add(featurizer.example(row, new Regressor("petal_width", Double.parseDouble(row.get("petal_width")))));
        }
        return new CARTRegressionTrainer(4).train(dataset);
    }

    @Test
    void loadsARegressionThatAnswersAsTheOneSaved() throws Exception {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        var trained = train();
        var saved = ModelPackages.save(storage, manifest(), trained);
        // When
        var loaded = ModelPackages.loadRegression(storage, saved.sha256());
        // Then
        assertThat(loaded.manifest().task()).isEqualTo("regression");
        assertThat(loaded.manifest().labels()).isNull();
        var featurizer = Featurizer.of(manifest());
        for (Map<String, String> row : Iris.ROWS) {
            double before = trained.predict(featurizer.example(row, RegressionFactory.UNKNOWN_REGRESSOR))
                    .getOutput().getValues()[0];
            assertThat(loaded.predict(row)).isCloseTo(before, within(1e-12));
        }
    }

    @Test
    void refusesToLoadARegressionAsAClassifierAndTheOtherWayRound() throws Exception {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        var regression = ModelPackages.save(storage, manifest(), train());
        var classifier = ModelPackages.save(storage, Iris.manifest("cart"), Iris.train("cart"));
        // When / Then
        assertThatThrownBy(() -> ModelPackages.load(storage, regression.sha256()))
                .isInstanceOf(ModelPackageException.class)
                .hasMessage("model package " + regression.sha256() + " is a regression model; load it with loadRegression");
        assertThatThrownBy(() -> ModelPackages.loadRegression(storage, classifier.sha256()))
                .isInstanceOf(ModelPackageException.class)
                .hasMessage("model package " + classifier.sha256() + " is a classification model, not a regression model");
    }

    @Test
    void refusesToSaveAModelUnderAManifestOfAnotherTask() throws Exception {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        // When / Then
        assertThatThrownBy(() -> ModelPackages.save(storage, Iris.manifest("cart"), train()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the manifest says the task is classification but the model is not a Label model");
    }
}
