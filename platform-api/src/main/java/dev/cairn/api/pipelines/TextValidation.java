package dev.cairn.api.pipelines;

import dev.cairn.api.problem.Problem.FieldError;
import dev.cairn.contracts.Algorithm;
import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetRef;
import dev.cairn.contracts.PipelineSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks {@code steps.train.text} and fills its defaults: single words ({@code ngrams: [1, 1]}), tfidf weighting,
 * l2 norm, lower-cased, {@code min_df} 1, at most 50,000 terms, no hashing.
 */
final class TextValidation {
    /** Linear models read thousands of sparse term features well; trees and neighbours do not. */
    static final Set<Algorithm> ALGORITHMS = Set.of(Algorithm.NAIVE_BAYES, Algorithm.LOGISTIC_REGRESSION,
            Algorithm.LINEAR_SVM);
    static final Set<String> WEIGHTINGS = Set.of("tfidf", "tf", "binary");
    static final Set<String> NORMS = Set.of("l2", "none");
    /** Keeps a vocabulary (and the model's weights) bounded when the spec sets no limit. */
    static final int DEFAULT_MAX_FEATURES = 50_000;
    static final int MAX_NGRAM = 5;
    static final int MAX_BUCKETS = 1 << 24;
    private static final String PATH = "steps.train.text";

    private final List<FieldError> errors;

    TextValidation(List<FieldError> errors) {
        this.errors = errors;
    }

    PipelineSpec.TextFeatures resolve(SpecInput.Text in, Algorithm algorithm, String target, DatasetRef dataset,
            Map<String, ColumnType> overrides) {
        if (!ALGORITHMS.contains(algorithm)) {
            errors.add(new FieldError(PATH, "text features are for naive-bayes, logistic-regression or linear-svm; "
                    + "not for " + algorithm.specName()));
        }
        checkColumn(in.column(), target, dataset, overrides);
        var ngrams = ngrams(in.ngrams());
        var weighting = oneOf(".weighting", in.weighting(), WEIGHTINGS, "tfidf");
        var norm = oneOf(".norm", in.norm(), NORMS, "l2");
        int minDf = Objects.requireNonNullElse(in.minDf(), 1);
        if (minDf < 1) {
            error(".min_df", "must be at least 1 (the training rows a term must be in); got " + minDf);
        }
        int buckets = Objects.requireNonNullElse(in.hashBuckets(), 0);
        if (in.hashBuckets() != null && (buckets < 2 || buckets > MAX_BUCKETS)) {
            error(".hash_buckets", "must be between 2 and " + MAX_BUCKETS + "; got " + buckets);
        }
        int maxFeatures = Objects.requireNonNullElse(in.maxFeatures(), buckets > 0 ? 0 : DEFAULT_MAX_FEATURES);
        if (in.maxFeatures() != null && in.hashBuckets() != null) {
            error(".max_features", "hashing already bounds the features by hash_buckets; set one of the two");
        } else if (maxFeatures < 0) {
            error(".max_features", "must be 0 (no limit) or more; got " + maxFeatures);
        }
        return new PipelineSpec.TextFeatures(in.column(), ngrams, weighting, norm,
                Objects.requireNonNullElse(in.lowercase(), true), minDf, maxFeatures, buckets);
    }

    /** The column must exist, not be the target, and not be declared another type in {@code columns}. */
    private void checkColumn(String column, String target, DatasetRef dataset, Map<String, ColumnType> overrides) {
        if (column == null || column.isBlank()) {
            error(".column", "required: the column holding the text");
            return;
        }
        var schema = dataset.schema().columns().stream().filter(c -> c.name().equals(column)).findFirst();
        if (schema.isEmpty()) {
            if (!dataset.name().isEmpty()) {
                error(".column", "'" + column + "' is not a column of " + dataset.name() + "@" + dataset.version());
            }
            return;
        }
        if (column.equals(target)) {
            error(".column", "'" + column + "' is the target; the text must be another column");
        }
        var declared = overrides.get(column);
        if (declared != null && declared != ColumnType.TEXT) {
            error(".column", "'" + column + "' is declared " + declared.name().toLowerCase() + " in columns; "
                    + "a text column must be text (or left out of columns)");
        } else if (declared == null && schema.get().type() == ColumnType.NUMERIC) {
            error(".column", "'" + column + "' holds numbers; if it is text all the same, say so with columns: { "
                    + column + ": text }");
        }
    }

    private List<Integer> ngrams(List<Integer> in) {
        if (in == null) {
            return List.of(1, 1);
        }
        if (in.isEmpty() || in.size() > 2 || in.contains(null)) {
            error(".ngrams", "must be [min, max] word n-gram lengths, e.g. [1, 2]; got " + in);
            return List.of(1, 1);
        }
        int min = in.getFirst();
        int max = in.getLast();
        if (min < 1 || max < min || max > MAX_NGRAM) {
            error(".ngrams", "needs 1 <= min <= max <= " + MAX_NGRAM + "; got " + in);
        }
        return List.of(min, max);
    }

    private String oneOf(String suffix, String value, Set<String> allowed, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            error(suffix, "'" + value + "' is not one of " + allowed.stream().sorted().toList());
        }
        return value;
    }

    private void error(String suffix, String message) {
        errors.add(new FieldError(PATH + suffix, message));
    }

    /** The dataset as the worker must read it: the text column typed text, whatever inference suggested. */
    static DatasetRef withTextColumn(DatasetRef dataset, String column) {
        var columns = dataset.schema().columns().stream()
                .map(c -> !c.name().equals(column) ? c
                        : new ColumnSchema(c.name(), ColumnType.TEXT, c.missing(), c.distinct(), c.distinctCapped()))
                .toList();
        return new DatasetRef(dataset.name(), dataset.version(), dataset.sha256(),
                new dev.cairn.contracts.DatasetSchema(columns, dataset.schema().missingTokens(), dataset.schema().rows()));
    }
}
