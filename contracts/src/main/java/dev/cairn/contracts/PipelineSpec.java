package dev.cairn.contracts;

import java.util.List;
import java.util.Map;

/**
 * The user's contract: what to train, on which data, and how. The control plane parses YAML or
 * JSON into this record, fills defaults and validates it before any task is sent.
 *
 * @param dataset a registered dataset, {@code name} or {@code name@version}
 * @param columns per-column type overrides of the inferred schema
 * @param cache per step ({@code clean}, {@code split}, {@code train}, {@code evaluate}): may the step reuse
 *        the output of an earlier identical execution; null means every step may
 * @param monitor what to watch once the model serves, and when to retrain; null: no retraining policy
 */
public record PipelineSpec(String name, String dataset, String target, Map<String, ColumnType> columns,
        Steps steps, Map<String, Boolean> cache, Monitor monitor) {

    /** The shape before the monitor section: no retraining policy. */
    public PipelineSpec(String name, String dataset, String target, Map<String, ColumnType> columns, Steps steps,
            Map<String, Boolean> cache) {
        this(name, dataset, target, columns, steps, cache, null);
    }

    /** The shape before step caching: every step may be cached. */
    public PipelineSpec(String name, String dataset, String target, Map<String, ColumnType> columns, Steps steps) {
        this(name, dataset, target, columns, steps, null);
    }

    /** Whether the step may reuse an earlier identical execution's output. */
    public boolean cacheable(StepName step) {
        return cache == null || !Boolean.FALSE.equals(cache.get(step.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The steps in the order they run; register is done by the control plane itself. */
    public record Steps(CleanStep clean, SplitStep split, TrainStep train, EvaluateStep evaluate,
            RegisterStep register, DeployStep deploy) {

        /** Without a deploy step: the registered version is not rolled out. */
        public Steps(CleanStep clean, SplitStep split, TrainStep train, EvaluateStep evaluate,
                RegisterStep register) {
            this(clean, split, train, evaluate, register, null);
        }
    }

    /**
     * Roll the version this run registers out, once the gate passed: to the deployment of its model (a rollout by
     * the control plane's rollout controller), or as the model's first deployment. Null limits take the control
     * plane's defaults.
     *
     * @param strategy canary | blue-green | shadow
     * @param steps canary: candidate traffic per step in percent, increasing, ending at 100
     * @param intervalMs how long each step is held before its analysis window is judged
     */
    public record DeployStep(String strategy, List<Integer> steps, Integer replicas, Double maxErrorRate,
            Double maxP99Ms, Double maxLabelDivergence, Double minAgreement, Integer minRequests, Long intervalMs) {
    }

    /**
     * @param missing drop | impute-mean | impute-median | impute-mode (numeric columns; categorical ones take the mode)
     * @param duplicates drop | keep
     * @param outliers none | clip-iqr
     */
    public record CleanStep(String missing, String duplicates, String outliers) {
    }

    /** Fractions of the rows; stratified splits keep every class in every part when it has rows enough. */
    public record SplitStep(double test, double validation, boolean stratify, long seed) {
    }

    /**
     * @param params the algorithm's hyperparameters, validated against its known names
     * @param search a hyperparameter search run by the control plane, one task per trial; null trains once
     * @param text how a free-text column becomes features; null when the model reads no text
     */
    public record TrainStep(String algorithm, Map<String, Object> params, Search search, TextFeatures text) {

        public TrainStep(String algorithm, Map<String, Object> params) {
            this(algorithm, params, null, null);
        }

        public TrainStep(String algorithm, Map<String, Object> params, Search search) {
            this(algorithm, params, search, null);
        }
    }

    /**
     * A text column as model input: its words (lower-cased, split on Unicode word boundaries), their n-grams, and a
     * weight per term learnt from the training rows. Resolved: every field filled.
     *
     * @param column the dataset column holding the text
     * @param ngrams {@code [min, max]} word n-gram lengths, e.g. {@code [1, 2]}: words and pairs of words
     * @param weighting {@code tfidf} | {@code tf} (counts) | {@code binary} (presence)
     * @param norm {@code l2} (each text's vector scaled to length 1) | {@code none}
     * @param minDf keep terms found in at least this many training rows
     * @param maxFeatures keep at most this many terms (those in the most rows); 0 = no limit
     * @param hashBuckets more than 0: hash terms into this many buckets instead of keeping a vocabulary
     */
    public record TextFeatures(String column, List<Integer> ngrams, String weighting, String norm, boolean lowercase,
            int minDf, int maxFeatures, int hashBuckets) {
    }

    /**
     * A hyperparameter search: each trial trains with {@code params} overridden by a point of {@code space}
     * and is scored on the validation rows by {@code objective}.
     *
     * @param strategy grid | random | tpe
     * @param space per parameter: {@code {min, max, log}} (a real range), {@code [a, b]} (whole numbers a..b)
     *        or {@code {choices: [...]}} (a list of values); as written in the spec
     * @param objective a metric name, measured on the validation rows (the worker reports it as
     *        {@code validation_<name>})
     * @param earlyStopping successive halving over a budget parameter; null trains every trial fully
     * @param direction {@code maximize} or {@code minimize} the objective; null (specs resolved before it
     *        existed) means the metric's own: errors such as rmse and mae are minimised, the rest maximised
     */
    public record Search(String strategy, int trials, int parallelism, String objective, Map<String, Object> space,
            long seed, EarlyStopping earlyStopping, String direction) {

        /** The shape before {@code direction}: the objective's natural direction. */
        public Search(String strategy, int trials, int parallelism, String objective, Map<String, Object> space,
                long seed, EarlyStopping earlyStopping) {
            this(strategy, trials, parallelism, objective, space, seed, earlyStopping, null);
        }
    }

    /**
     * Successive halving (asynchronous, as in ASHA): trials start with {@code budget = min}; the best
     * 1/{@code eta} of the trials at each rung go on with {@code eta} times the budget, up to {@code max}.
     *
     * @param budget a whole-number hyperparameter of the algorithm that scales its training work (epochs,
     *        rounds, trees)
     */
    public record EarlyStopping(String budget, int min, int max, int eta) {
    }

    /**
     * @param positive the positive class for binary metrics such as ROC AUC; null means the rarer class
     * @param gate a condition on the evaluation metrics (and on those of aliased versions) that must hold
     *        for the model to be registered; null registers every evaluated model
     */
    public record EvaluateStep(List<String> metrics, String positive, String gate) {

        public EvaluateStep(List<String> metrics, String positive) {
            this(metrics, positive, null);
        }
    }

    public record RegisterStep(String model) {
    }

    /**
     * The spec's {@code monitor} section.
     *
     * @param drift how drift is judged for this model; null: monitoring's configured rules
     * @param retrain when the control plane retrains on its own; null: never
     */
    public record Monitor(Drift drift, Retrain retrain) {
    }

    /**
     * @param method psi | ks | chi-square | jensen-shannon
     * @param threshold the statistic's alert line (a p-value for ks and chi-square: fires below it)
     * @param window as written, e.g. {@code 15m}, or a count of predictions such as {@code 10000}
     */
    public record Drift(String method, double threshold, String window) {
    }

    /**
     * @param on alert kinds that start a retraining run: {@code drift}, {@code performance}
     * @param cooldown as written ({@code 30m}, {@code 6h}, {@code 1d}): no second retraining run of this pipeline
     *        starts sooner after the last one
     * @param cooldownSeconds the cooldown in seconds
     */
    public record Retrain(java.util.List<String> on, String cooldown, long cooldownSeconds) {
    }
}
