package dev.cairn.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.csv.MissingTokens;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

class FeaturizerTest {

    private static final List<InputFeature> SIGNATURE = List.of(
            new InputFeature("age", ColumnType.NUMERIC, null),
            new InputFeature("colour", ColumnType.CATEGORICAL, List.of("red", "blue")),
            new InputFeature("comment", ColumnType.TEXT, null));

    private static final List<ColumnTransform> PREPROCESSING = List.of(
            new ColumnTransform("age", ColumnType.NUMERIC, 40.0, null, 18.0, 90.0),
            new ColumnTransform("colour", ColumnType.CATEGORICAL, null, "red", null, null));

    private final Featurizer featurizer = Featurizer.of(SIGNATURE, PREPROCESSING, MissingTokens.DEFAULT);

    @Test
    void givesANumericColumnItsValueAndACategoricalOneAOneHotFeature() {
        // Given
        var row = Map.of("age", "33.5", "colour", "blue", "comment", "likes cats");
        // When
        var example = featurizer.example(row);
        // Then
        assertThat(featuresOf(example)).containsOnly(Map.entry("age", 33.5), Map.entry("colour@blue", 1.0));
        assertThat(example.getOutput()).isEqualTo(org.tribuo.classification.LabelFactory.UNKNOWN_LABEL);
    }

    @Test
    void imputesMissingCellsWithWhatCleaningLearned() {
        // Given
        var row = new HashMap<String, String>();
        row.put("age", " NA ");
        row.put("colour", "?");
        // When
        var example = featurizer.example(row, new Label("yes"));
        // Then
        assertThat(featuresOf(example)).containsOnly(Map.entry("age", 40.0), Map.entry("colour@red", 1.0));
        assertThat(example.getOutput()).isEqualTo(new Label("yes"));
    }

    @Test
    void readsAnAbsentColumnAsMissing() {
        // Given
        var row = Map.of("colour", "blue");
        // When
        var example = featurizer.example(row);
        // Then
        assertThat(featuresOf(example)).containsEntry("age", 40.0);
    }

    @Test
    void clipsNumbersToTheLearnedBounds() {
        // Given
        var young = Map.of("age", "3", "colour", "red");
        var old = Map.of("age", "1e3", "colour", "red");
        // When
        var clipped = List.of(featuresOf(featurizer.example(young)), featuresOf(featurizer.example(old)));
        // Then
        assertThat(clipped).extracting(f -> f.get("age")).containsExactly(18.0, 90.0);
    }

    @Test
    void leavesNumbersAloneWithoutBounds() {
        // Given
        var unbounded = Featurizer.of(SIGNATURE, List.of(new ColumnTransform("age", ColumnType.NUMERIC, 40.0, null,
                null, null)), MissingTokens.DEFAULT);
        // When
        var example = unbounded.example(Map.of("age", "-1000", "colour", "red"));
        // Then
        assertThat(featuresOf(example)).containsEntry("age", -1000.0);
    }

    @Test
    void givesAnUnseenCategoryAFeatureOfItsOwn() {
        // Given
        var row = Map.of("age", "20", "colour", "green");
        // When
        var example = featurizer.example(row);
        // Then
        assertThat(featuresOf(example)).containsEntry("colour@green", 1.0);
    }

    @Test
    void refusesAMissingCellItCannotImpute() {
        // Given
        var noImputation = Featurizer.of(SIGNATURE, List.of(), MissingTokens.DEFAULT);
        // When
        Throwable thrown = catchThrowable(() -> noImputation.example(Map.of("age", "20", "colour", "")));
        // Then
        assertThat(thrown).isInstanceOf(InvalidRowException.class)
                .hasMessageStartingWith("column 'colour' is missing and the model has no value to impute");
        assertThat(((InvalidRowException) thrown).column()).isEqualTo("colour");
    }

    @Test
    void refusesANumberItCannotRead() {
        // When
        Throwable thrown = catchThrowable(() -> featurizer.example(Map.of("age", "thirty", "colour", "red")));
        // Then
        assertThat(thrown).isInstanceOf(InvalidRowException.class)
                .hasMessage("column 'age' holds 'thirty', which is not a number");
    }

    @Test
    void readsMissingCellsWithTheDatasetsOwnTokens() {
        // Given: in this dataset "None" is a real colour and "-" means missing
        var own = Featurizer.of(SIGNATURE, PREPROCESSING, MissingTokens.of(List.of("-")));
        // When
        var example = own.example(Map.of("age", "-", "colour", "None"));
        // Then
        assertThat(featuresOf(example)).containsOnly(Map.entry("age", 40.0), Map.entry("colour@None", 1.0));
    }

    @Test
    void takesCategoriesExactlyAsGiven() {
        // When
        var example = featurizer.example(Map.of("age", "20", "colour", " Red"));
        // Then
        assertThat(featuresOf(example)).containsKey("colour@ Red");
    }

    @Test
    void readsCsvCellsByColumnNameAndSkipsOthers() {
        // Given
        var header = List.of("colour", "target", "age");
        // When
        var example = featurizer.example(header, new String[] {"blue", "yes", "51"}, new Label("yes"));
        // Then
        assertThat(featuresOf(example)).containsOnly(Map.entry("age", 51.0), Map.entry("colour@blue", 1.0));
    }

    @Test
    void refusesCsvRowsWithoutAColumnTheModelReads() {
        // When
        Throwable thrown = catchThrowable(() -> featurizer.example(List.of("colour"), new String[] {"red"},
                new Label("yes")));
        // Then
        assertThat(thrown).isInstanceOf(InvalidRowException.class).hasMessageContaining("no column 'age'");
    }

    @Test
    void readsFromTheManifestAndLeavesTextOut() {
        // Given
        var manifest = new ModelManifest(1, "tribuo", "4.3.2", "tribuo-protobuf", "e".repeat(64), 1, "classification",
                "target", SIGNATURE, List.of("no", "yes"), PREPROCESSING, Map.of(), null, null, List.of("-"));
        // When
        var fromManifest = Featurizer.of(manifest);
        // Then
        assertThat(fromManifest.columns()).containsExactly("age", "colour");
        assertThat(featuresOf(fromManifest.example(Map.of("age", "-", "colour", "NA")))).containsEntry("colour@NA", 1.0);
    }

    @Test
    void refusesColumnNamesThatCouldCollideWithAOneHotFeature() {
        // Given
        var signature = List.of(new InputFeature("size", ColumnType.CATEGORICAL, List.of("m")),
                new InputFeature("size@m", ColumnType.NUMERIC, null));
        // When
        Throwable thrown = catchThrowable(() -> Featurizer.of(signature, List.of(), MissingTokens.DEFAULT));
        // Then
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'size@m'");
    }

    private static Map<String, Double> featuresOf(Example<Label> example) {
        Map<String, Double> features = new LinkedHashMap<>();
        for (Feature feature : example) {
            features.put(feature.getName(), feature.getValue());
        }
        return features;
    }
}
