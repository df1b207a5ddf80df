package dev.cairn.worker.train;

import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.PipelineSpec;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.text.TextSettings;
import dev.cairn.store.text.TextVectorizer;
import dev.cairn.worker.artifact.Table;
import dev.cairn.worker.task.StepFailure;
import java.util.ArrayList;
import java.util.List;

/** Fits the vocabulary of each text column the model reads, on the training rows only (never on test rows). */
final class TextColumns {

    private TextColumns() {
    }

    static List<TextVectorizer> fit(Table rows, List<InputFeature> signature, PipelineSpec.TextFeatures text,
            MissingTokens missing) {
        var vectorizers = new ArrayList<TextVectorizer>();
        for (InputFeature input : signature) {
            if (input.type() != ColumnType.TEXT) {
                continue;
            }
            if (text == null || !input.name().equals(text.column())) {
                throw new StepFailure("column '" + input.name() + "' is text, but the spec says nothing about reading "
                        + "it (steps.train.text)");
            }
            var documents = rows.column(input.name()).stream().map(cell -> missing.isMissing(cell) ? "" : cell)
                    .toList();
            var vectorizer = TextVectorizer.fit(input.name(), settings(text), documents);
            if (vectorizer.vocabulary().terms().isEmpty()) {
                throw new StepFailure("text column '" + input.name() + "' has no term in at least " + text.minDf()
                        + " training rows; lower steps.train.text.min_df");
            }
            vectorizers.add(vectorizer);
        }
        return vectorizers;
    }

    static TextSettings settings(PipelineSpec.TextFeatures text) {
        try {
            return new TextSettings(text.ngrams().getFirst(), text.ngrams().getLast(), text.weighting(), text.norm(),
                    text.lowercase(), text.minDf(), text.maxFeatures(), text.hashBuckets());
        } catch (IllegalArgumentException e) {
            throw new StepFailure("steps.train.text: " + e.getMessage());
        }
    }
}
