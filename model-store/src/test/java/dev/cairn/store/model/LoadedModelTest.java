package dev.cairn.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.csv.MissingTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class LoadedModelTest {

    private static final List<InputFeature> SIGNATURE = List.of(
            new InputFeature("colour", ColumnType.CATEGORICAL, List.of("red", "blue")));
    private static final ModelManifest MANIFEST = new ModelManifest(1, "tribuo", "4.3.2", "tribuo-protobuf",
            "f".repeat(64), 1, "classification", "fruit", SIGNATURE, List.of("cherry", "plum"), List.of(), Map.of(),
            null, null, null);

    private final LoadedModel model = trainOnColours();

    @Test
    void answersWithALabelAndOneProbabilityPerLabel() {
        // When
        Prediction prediction = model.predict(Map.of("colour", "red"));
        // Then
        assertThat(prediction.label()).isEqualTo("cherry");
        assertThat(prediction.probabilities()).containsOnlyKeys("cherry", "plum");
        assertThat(prediction.probabilities().get("cherry")).isGreaterThan(0.5);
        assertThat(prediction.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void refusesARowOfWhichTheModelKnowsNothing() {
        // When
        Throwable thrown = catchThrowable(() -> model.predict(Map.of("colour", "green")));
        // Then
        assertThat(thrown).isInstanceOf(InvalidRowException.class)
                .hasMessage("the model knows none of this row's values");
    }

    private static LoadedModel trainOnColours() {
        var featurizer = Featurizer.of(SIGNATURE, List.of(), MissingTokens.DEFAULT);
        var labels = new LabelFactory();
        var dataset = new MutableDataset<>(new SimpleDataSourceProvenance("colours", labels), labels);
        for (int i = 0; i < 20; i++) {
            dataset.add(featurizer.example(Map.of("colour", "red"), new Label("cherry")));
            dataset.add(featurizer.example(Map.of("colour", "blue"), new Label("plum")));
        }
        return new LoadedModel(MANIFEST, new LogisticRegressionTrainer().train(dataset), featurizer);
    }
}
