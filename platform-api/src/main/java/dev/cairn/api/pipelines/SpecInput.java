package dev.cairn.api.pipelines;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cairn.contracts.ColumnType;
import java.util.List;
import java.util.Map;

/**
 * A spec as the user wrote it: every field may be absent, so defaults and precise complaints can be
 * told apart from zeros. {@link SpecValidator} turns it into a resolved {@code PipelineSpec}.
 *
 * @param cache {@code false} turns step caching off for the whole run (each step may also say so)
 */
record SpecInput(String name, String dataset, String target, Map<String, ColumnType> columns, Steps steps,
        Boolean cache, Monitor monitor) {

    /** The same spec on another dataset reference: a retraining run takes the newest version of the same name. */
    SpecInput onDataset(String reference) {
        return new SpecInput(name, reference, target, columns, steps, cache, monitor);
    }

    record Steps(Clean clean, Split split, Train train, Evaluate evaluate, Register register, Deploy deploy) {
    }

    /** {@code deploy: { strategy: canary, steps: [10, 50, 100], analysis: { max_error_rate: 0.01, ... } }} */
    record Deploy(String strategy, List<Integer> steps, Integer replicas, Analysis analysis) {
    }

    /** @param interval how long each step is held, e.g. {@code 30s}, {@code 2m}, {@code 500ms} */
    record Analysis(@JsonProperty("max_error_rate") Double maxErrorRate, @JsonProperty("max_p99_ms") Double maxP99Ms,
            @JsonProperty("max_label_divergence") Double maxLabelDivergence,
            @JsonProperty("min_agreement") Double minAgreement, @JsonProperty("min_requests") Integer minRequests,
            String interval) {
    }

    record Clean(String missing, String duplicates, String outliers, Boolean cache) {
    }

    record Split(Double test, Double validation, Boolean stratify, Long seed, Boolean cache) {
    }

    record Train(String algorithm, Map<String, Object> params, Search search, Boolean cache, Text text) {
    }

    /** A text column as input; see {@code PipelineSpec.TextFeatures}. */
    record Text(String column, List<Integer> ngrams, String weighting, String norm, Boolean lowercase,
            @JsonProperty("min_df") Integer minDf, @JsonProperty("max_features") Integer maxFeatures,
            @JsonProperty("hash_buckets") Integer hashBuckets) {
    }

    /** Space values stay as written ({@code [3, 10]}, {@code {min, max, log}}, {@code {choices: [...]}}). */
    record Search(String strategy, Integer trials, Integer parallelism, String objective, Map<String, Object> space,
            Long seed, @JsonProperty("early_stopping") EarlyStopping earlyStopping, String direction) {
    }

    record EarlyStopping(String budget, Integer min, Integer max, Integer eta) {
    }

    record Evaluate(List<String> metrics, String positive, String gate, Boolean cache) {
    }

    record Register(String model) {
    }

    record Monitor(Drift drift, Retrain retrain) {
    }

    record Drift(String method, Double threshold, String window) {
    }

    record Retrain(List<String> on, String cooldown) {
    }
}
