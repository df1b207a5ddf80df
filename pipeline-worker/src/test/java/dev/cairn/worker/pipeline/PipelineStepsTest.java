package dev.cairn.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.contracts.StepName;
import dev.cairn.store.model.ModelPackages;
import dev.cairn.worker.task.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps chained through a real artifact store: what each hands the next, and how bad input fails. */
class PipelineStepsTest {

    @TempDir
    Path store;

    @TempDir
    Path files;

    @Test
    void passesArtifactsFromStepToStepAndRecordsLineage() throws Exception {
        // Given
        var fixture = new PipelineFixture(store);
        var dataset = fixture.upload("/data/iris.csv", "species");
        var spec = PipelineFixture.spec("species", "cart", Map.of("max_depth", 3));
        // When
        var results = fixture.runAll(spec, dataset);
        // Then
        var trained = ModelPackages.readManifest(fixture.storage, results.get(StepName.TRAIN).outputs().get("model"));
        assertThat(trained.metrics()).doesNotContainKey("accuracy");
        assertThat(trained.payloadSha256()).isEqualTo(results.get(StepName.TRAIN).outputs().get("payload"));
        assertThat(trained.labels()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(trained.lineage().params()).containsEntry("max_depth", 3);
        assertThat(trained.lineage().trainSha256()).isEqualTo(results.get(StepName.SPLIT).outputs().get("train"));
        assertThat(trained.lineage().datasetSha256()).isEqualTo(dataset.sha256());
        assertThat(trained.lineage().libraryVersions()).containsKeys("tribuo", "java");
        var evaluated = ModelPackages.readManifest(fixture.storage, results.get(StepName.EVALUATE).outputs().get("model"));
        assertThat(evaluated.payloadSha256()).isEqualTo(trained.payloadSha256());
        assertThat(evaluated.metrics()).containsKeys("accuracy", "f1_macro");
    }

    @Test
    void reportsCleaningAndSplitFigures() throws Exception {
        // Given: 7043 rows, 11 NA in total_charges, 22 exact duplicates
        var fixture = new PipelineFixture(store);
        var dataset = fixture.upload("/data/modeldata_wa_churn.csv", "churn");
        var spec = PipelineFixture.spec("churn", "cart", Map.of());
        // When
        var results = fixture.runAll(spec, dataset);
        // Then
        var clean = results.get(StepName.CLEAN);
        assertThat(clean.metrics()).containsEntry("rows_in", 7043.0).containsEntry("rows_out", 7021.0);
        assertThat(clean.report()).containsEntry("duplicates_dropped", 22L);
        assertThat(clean.report().get("cells_imputed")).isEqualTo(Map.of("total_charges", 11L));
        var split = results.get(StepName.SPLIT);
        assertThat(split.metrics().get("test_rows") + split.metrics().get("train_rows"))
                .isEqualTo(clean.metrics().get("rows_out"));
        assertThat(results.get(StepName.EVALUATE).report()).containsEntry("positive", "Yes");
    }

    @Test
    void failsCleanOnATargetWithASingleClass() throws Exception {
        // Given
        var fixture = new PipelineFixture(store);
        var csv = Files.writeString(files.resolve("one.csv"), "x,label\n1,Yes\n2,Yes\n3,Yes\n");
        var dataset = fixture.upload(csv, "label");
        var spec = PipelineFixture.spec("label", "cart", Map.of());
        // When / Then
        assertThatThrownBy(() -> fixture.run(StepName.CLEAN, spec, dataset, Map.of("dataset", dataset.sha256())))
                .isInstanceOf(StepFailure.class)
                .hasMessage("target 'label' has a single class 'Yes'; a classifier needs at least two");
    }

    @Test
    void failsCleanOnATargetColumnTheDatasetLacks() throws Exception {
        // Given
        var fixture = new PipelineFixture(store);
        var dataset = fixture.upload("/data/iris.csv", "species");
        var spec = PipelineFixture.spec("kind", "cart", Map.of());
        // When / Then
        assertThatThrownBy(() -> fixture.run(StepName.CLEAN, spec, dataset, Map.of("dataset", dataset.sha256())))
                .isInstanceOf(StepFailure.class)
                .hasMessage("target column 'kind' is not in the dataset; columns: "
                        + "sepal_length, sepal_width, petal_length, petal_width, species");
    }

    @Test
    void failsTrainOnAnUnknownAlgorithm() throws Exception {
        // Given
        var fixture = new PipelineFixture(store);
        var dataset = fixture.upload("/data/iris.csv", "species");
        var spec = PipelineFixture.spec("species", "deep-forest", Map.of());
        // When / Then
        assertThatThrownBy(() -> fixture.runAll(spec, dataset))
                .isInstanceOf(StepFailure.class)
                .hasMessage("unknown algorithm 'deep-forest'; known: logistic-regression, cart, linear-svm, random-forest, "
                        + "xgboost, knn, naive-bayes, mlp, linear-regression, cart-regressor, xgboost-regressor");
    }

    @Test
    void failsTrainOnAnUnknownParameter() throws Exception {
        // Given
        var fixture = new PipelineFixture(store);
        var dataset = fixture.upload("/data/iris.csv", "species");
        var spec = PipelineFixture.spec("species", "logistic-regression", Map.of("l1", 0.5));
        // When / Then
        assertThatThrownBy(() -> fixture.runAll(spec, dataset))
                .isInstanceOf(StepFailure.class)
                .hasMessage("unknown parameter 'l1' for logistic-regression; known: epochs, learning_rate, minibatch_size");
    }

    @Test
    void failsOnAnInputMissingFromTheStore() throws Exception {
        // Given
        var fixture = new PipelineFixture(store);
        var dataset = fixture.upload("/data/iris.csv", "species");
        var spec = PipelineFixture.spec("species", "cart", Map.of());
        var absent = "0".repeat(64);
        // When / Then
        assertThatThrownBy(() -> fixture.run(StepName.SPLIT, spec, dataset, Map.of("cleaned", absent)))
                .isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("the cleaned input (" + absent + ") is not in the artifact store");
    }
}
