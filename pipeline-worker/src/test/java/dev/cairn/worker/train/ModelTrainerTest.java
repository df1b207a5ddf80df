package dev.cairn.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.ModelPackages;
import dev.cairn.worker.artifact.Table;
import dev.cairn.worker.task.StepFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.Label;
import org.tribuo.transform.TransformedModel;

class ModelTrainerTest {

    private static final List<ColumnTransform> PREPROCESSING = List.of(
            new ColumnTransform("x", ColumnType.NUMERIC, 0.0, null, null, null),
            new ColumnTransform("flat", ColumnType.NUMERIC, 0.0, null, null, null),
            new ColumnTransform("plan", ColumnType.CATEGORICAL, null, "a", null, null));

    /** y depends on x (with noise); "flat" never changes; "plan" is noise. */
    private static Table rows(DoubleUnaryOperator scaleX) {
        var random = new Random(1);
        var rows = new ArrayList<String[]>();
        for (int i = 0; i < 300; i++) {
            double x = random.nextGaussian();
            String y = x + 0.5 * random.nextGaussian() > 0 ? "Y" : "N";
            rows.add(new String[] {String.valueOf(scaleX.applyAsDouble(x)), "5", i % 3 == 0 ? "a" : "b", y});
        }
        return new Table(List.of("x", "flat", "plan", "y"), rows);
    }

    private static TrainedModel train(String algorithm, Table rows) {
        return new ModelTrainer(algorithm, Map.of(), 42).train(rows, "y", PREPROCESSING, MissingTokens.DEFAULT);
    }

    private static double probabilityOfY(TrainedModel trained, Table rows, int row) {
        var example = trained.featurizer().example(rows.header(), rows.rows().get(row), new Label("Y"));
        return trained.classifier().predict(example).getOutputScores().get("Y").getScore();
    }

    @Test
    void standardisesNumbersSoTheirScaleDoesNotChangeLogisticRegression() {
        // Given: the same data, once with x in units and once in thousandths of a unit
        var units = rows(x -> x);
        var thousandths = rows(x -> x * 1000);
        // When
        var small = train("logistic-regression", units);
        var large = train("logistic-regression", thousandths);
        // Then
        assertThat(large.model()).isInstanceOf(TransformedModel.class);
        for (int row = 0; row < 20; row++) {
            assertThat(probabilityOfY(large, thousandths, row)).isCloseTo(probabilityOfY(small, units, row), within(1e-6));
        }
    }

    @Test
    void leavesOutAColumnWithASingleValueInTheTrainingRows() {
        // Given
        var rows = rows(x -> x);
        // When
        var trained = train("cart", rows);
        // Then
        assertThat(trained.inputSignature()).containsExactly(new InputFeature("x", ColumnType.NUMERIC, null),
                new InputFeature("plan", ColumnType.CATEGORICAL, List.of("a", "b")));
    }

    @Test
    void savesAModelThatLoadsFromProtobufAndAnswersTheSame(@TempDir Path store) throws Exception {
        // Given
        var rows = rows(x -> x);
        var trained = train("logistic-regression", rows);
        var storage = new FilesystemArtifactStorage(store);
        var manifest = new dev.cairn.store.model.ModelManifest(1, null, null, null, null, 0, "classification", "y",
                trained.inputSignature(), null, PREPROCESSING, Map.of(), null, java.time.Instant.EPOCH);
        var saved = ModelPackages.save(storage, manifest, trained.model());
        // When
        var loaded = ModelPackages.load(storage, saved.sha256());
        // Then
        var answer = loaded.predict(Map.of("x", rows.rows().get(0)[0], "plan", rows.rows().get(0)[2]));
        assertThat(answer.probabilities().get("Y")).isCloseTo(probabilityOfY(trained, rows, 0), within(1e-12));
        assertThat(loaded.manifest().labels()).containsExactly("N", "Y");
    }

    @Test
    void trainsADecisionTreeToTheDepthAsked() {
        // Given
        var rows = rows(x -> x);
        // When
        var trained = new ModelTrainer("cart", Map.of("max_depth", 1), 42).train(rows, "y", PREPROCESSING,
                MissingTokens.DEFAULT);
        // Then: one split on x separates most rows
        long correct = java.util.stream.IntStream.range(0, 300)
                .filter(row -> (probabilityOfY(trained, rows, row) > 0.5) == rows.rows().get(row)[3].equals("Y"))
                .count();
        assertThat(correct).isGreaterThan(240);
        assertThat(trained.params()).containsEntry("max_depth", 1);
    }

    @Test
    void refusesTrainingRowsWithASingleClass() {
        // Given
        var rows = new Table(List.of("x", "flat", "plan", "y"),
                List.of(new String[] {"1", "5", "a", "Y"}, new String[] {"2", "5", "b", "Y"}));
        var trainer = new ModelTrainer("cart", Map.of(), 42);
        // When / Then
        assertThatThrownBy(() -> trainer.train(rows, "y", PREPROCESSING, MissingTokens.DEFAULT))
                .isInstanceOf(StepFailure.class)
                .hasMessage("the training rows hold a single class of 'y'; a classifier needs at least two");
    }

    @Test
    void checksParametersBeforeReadingAnyRow() {
        // When / Then
        assertThatThrownBy(() -> new ModelTrainer("cart", Map.of("depth", 3), 42))
                .isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("unknown parameter 'depth' for cart");
    }
}
