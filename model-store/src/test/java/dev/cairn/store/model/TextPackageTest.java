package dev.cairn.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.text.TextSettings;
import dev.cairn.store.text.TextVectorizer;
import dev.cairn.store.text.TextVocabularies;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** A model reading a text column beside a numeric one: features, and the package with its JSON vocabulary. */
class TextPackageTest {
    private static final List<InputFeature> SIGNATURE = List.of(new InputFeature("stars", ColumnType.NUMERIC, null),
            new InputFeature("review", ColumnType.TEXT, null));
    private static final List<Map<String, String>> ROWS = List.of(
            Map.of("stars", "5", "review", "Great food, great service", "label", "good"),
            Map.of("stars", "4", "review", "great value", "label", "good"),
            Map.of("stars", "1", "review", "Cold food and slow service", "label", "bad"),
            Map.of("stars", "2", "review", "slow, cold, never again", "label", "bad"));

    @TempDir
    Path root;

    private static TextVectorizer vectorizer() {
        return TextVectorizer.fit("review", new TextSettings(1, 1, "binary", "none", true, 1, 0, 0),
                ROWS.stream().map(r -> r.get("review")).toList());
    }

    @Test
    void aTextColumnGivesItsTermsBesideTheOtherColumns() {
        // Given
        var featurizer = Featurizer.of(SIGNATURE, List.of(), MissingTokens.DEFAULT, List.of(vectorizer()));
        var missingText = new HashMap<String, String>();
        missingText.put("stars", "3");
        missingText.put("review", "NA");
        // When
        var example = featurizer.example(Map.of("stars", "3", "review", "Great, GREAT food!"));
        var empty = featurizer.example(missingText);
        // Then: binary weights, no scaling; unknown words left out; a missing text has only the document feature
        var features = new HashMap<String, Double>();
        for (Feature f : example) {
            features.put(f.getName(), f.getValue());
        }
        assertThat(features).containsOnly(Map.entry("stars", 3.0), Map.entry("review#", 1.0),
                Map.entry("review#great", 1.0), Map.entry("review#food", 1.0));
        assertThat(empty.size()).isEqualTo(2);
        assertThat(featurizer.columns()).containsExactly("stars", "review");
    }

    @Test
    void refusesAColumnNamedLikeATermOfTheTextColumn() {
        // Given
        var signature = List.of(new InputFeature("review#great", ColumnType.NUMERIC, null),
                new InputFeature("review", ColumnType.TEXT, null));
        // When
        Throwable thrown = catchThrowable(() -> Featurizer.of(signature, List.of(), MissingTokens.DEFAULT,
                List.of(vectorizer())));
        // Then
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'review#great' could be confused with a term of text column 'review'; rename one "
                        + "of them");
    }

    @Test
    void thePackageCarriesItsVocabularyAndRefusesToLoadWithoutIt() throws Exception {
        // Given: naive Bayes trained on the four rows, saved with its vocabulary
        var storage = new FilesystemArtifactStorage(root);
        var vectorizer = vectorizer();
        var featurizer = Featurizer.of(SIGNATURE, List.of(), MissingTokens.DEFAULT, List.of(vectorizer));
        var factory = new LabelFactory();
        var dataset = new MutableDataset<Label>(new SimpleDataSourceProvenance("reviews", factory), factory);
        ROWS.forEach(r -> dataset.add(featurizer.example(r, new Label(r.get("label")))));
        var model = new MultinomialNaiveBayesTrainer().train(dataset);
        var vocabulary = TextVocabularies.save(storage, List.of(vectorizer.vocabulary()));
        var manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, null, null, null, null, 0,
                ModelManifest.CLASSIFICATION, "label", SIGNATURE, null, List.of(), Map.of(), null, Instant.EPOCH,
                MissingTokens.DEFAULT.tokens());
        var saved = ModelPackages.save(storage, manifest.withTextVocabulary(vocabulary.sha256()), model);
        var withoutVocabulary = ModelPackages.save(storage, manifest, model);
        var notAVocabulary = storage.put(new ByteArrayInputStream("{\"no\": 1}".getBytes(StandardCharsets.UTF_8)));
        var wrongVocabulary = ModelPackages.save(storage, manifest.withTextVocabulary(notAVocabulary.sha256()), model);
        // When
        var loaded = ModelPackages.load(storage, saved.sha256());
        Throwable missing = catchThrowable(() -> ModelPackages.load(storage, withoutVocabulary.sha256()));
        Throwable wrong = catchThrowable(() -> ModelPackages.load(storage, wrongVocabulary.sha256()));
        // Then
        var prediction = loaded.predict(Map.of("stars", "1", "review", "slow and cold"));
        assertThat(prediction.label()).isEqualTo("bad");
        assertThat(prediction.probabilities().get("bad")).isGreaterThan(0.5);
        assertThat(loaded.predict(Map.of("stars", "5", "review", "great food")).label()).isEqualTo("good");
        assertThat(missing).isInstanceOf(ModelPackageException.class)
                .hasMessageEndingWith("reads text columns but names no text vocabulary");
        assertThat(wrong).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("is not a list of text vocabularies");
    }
}
