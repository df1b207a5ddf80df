package dev.cairn.api.pipelines;

import dev.cairn.api.pipelines.gate.Gate;
import dev.cairn.api.pipelines.gate.GateSyntaxException;
import dev.cairn.api.problem.Problem.FieldError;
import dev.cairn.api.registry.ModelAlias;
import dev.cairn.contracts.Algorithm;
import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetRef;
import dev.cairn.contracts.DatasetSchema;
import dev.cairn.contracts.PipelineSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a spec against the platform and its dataset, collecting every complaint at once, and
 * resolves it: defaults filled, the dataset pinned to one version, column overrides applied.
 */
final class SpecValidator {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Set<String> MISSING = Set.of("drop", "impute-mean", "impute-median", "impute-mode");
    static final Set<String> DUPLICATES = Set.of("drop", "keep");
    static final Set<String> OUTLIERS = Set.of("none", "clip-iqr");
    static final List<String> METRICS = List.of("accuracy", "precision_macro", "recall_macro", "f1_macro",
            "precision_weighted", "recall_weighted", "f1_weighted", "roc_auc");
    /** What the worker measures for a regressor (an algorithm whose task is regression). */
    static final List<String> REGRESSION_METRICS = List.of("rmse", "mae", "r2");

    private final Function<String, Optional<DatasetRef>> datasets;
    private final List<FieldError> errors = new ArrayList<>();

    SpecValidator(Function<String, Optional<DatasetRef>> datasets) {
        this.datasets = datasets;
    }

    record ValidSpec(PipelineSpec spec, DatasetRef dataset) {
    }

    ValidSpec validate(SpecInput in) {
        require("name", in.name(), NAME, "1-64 characters of a-z, 0-9, '.', '_' and '-'");
        var steps = in.steps() == null ? new SpecInput.Steps(null, null, null, null, null, null) : in.steps();
        var dataset = dataset(in);
        var clean = clean(steps.clean());
        var split = split(steps.split());
        var train = train(steps.train(), split, in, dataset);
        var task = train == null ? Algorithm.Task.CLASSIFICATION
                : Algorithm.bySpecName(train.algorithm()).orElseThrow().task();
        if (task == Algorithm.Task.REGRESSION) {
            requireNumericTarget(in.target(), dataset);
        }
        var evaluate = evaluate(steps.evaluate(), task);
        var register = new PipelineSpec.RegisterStep(Optional.ofNullable(steps.register())
                .map(SpecInput.Register::model).orElse(in.name()));
        if (steps.register() != null) {
            require("steps.register.model", register.model(), NAME, "1-64 characters of a-z, 0-9, '.', '_' and '-'");
        }
        var monitor = new MonitorValidation(errors).resolve(in.monitor());
        var deploy = deploy(steps.deploy());
        if (!errors.isEmpty()) {
            throw new InvalidSpecException(errors);
        }
        var pinned = dataset.name() + "@" + dataset.version();
        if (train.text() != null) {
            dataset = TextValidation.withTextColumn(dataset, train.text().column());
        }
        var spec = new PipelineSpec(in.name(), pinned, in.target(), in.columns() == null ? Map.of() : in.columns(),
                new PipelineSpec.Steps(clean, split, train, evaluate, register, deploy), cache(in, steps), monitor);
        return new ValidSpec(spec, dataset);
    }

    /**
     * The rollout's shape is checked here so that a bad deploy step fails the submission, not the rollout after
     * training; the limits are only range-checked (the control plane fills what is missing).
     */
    private PipelineSpec.DeployStep deploy(SpecInput.Deploy in) {
        if (in == null) {
            return null;
        }
        String strategy = in.strategy() == null ? "canary" : in.strategy().trim().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("canary", "blue-green", "shadow").contains(strategy)) {
            errors.add(new FieldError("steps.deploy.strategy", "must be canary, blue-green or shadow"));
        }
        if (in.steps() != null && !in.steps().isEmpty()) {
            var s = in.steps();
            boolean increasing = true;
            for (int i = 0; i < s.size(); i++) {
                increasing &= s.get(i) != null && s.get(i) >= 1 && s.get(i) <= 100 && (i == 0 || s.get(i) > s.get(i - 1));
            }
            if (!increasing || s.get(s.size() - 1) == null || s.get(s.size() - 1) != 100) {
                errors.add(new FieldError("steps.deploy.steps", "percentages increasing within 1-100, ending at 100"));
            }
        }
        if (in.replicas() != null && (in.replicas() < 1 || in.replicas() > 16)) {
            errors.add(new FieldError("steps.deploy.replicas", "1-16"));
        }
        var a = in.analysis() == null ? new SpecInput.Analysis(null, null, null, null, null, null) : in.analysis();
        share("steps.deploy.analysis.max_error_rate", a.maxErrorRate());
        share("steps.deploy.analysis.max_label_divergence", a.maxLabelDivergence());
        share("steps.deploy.analysis.min_agreement", a.minAgreement());
        if (a.maxP99Ms() != null && a.maxP99Ms() <= 0) {
            errors.add(new FieldError("steps.deploy.analysis.max_p99_ms", "a positive number of milliseconds"));
        }
        if (a.minRequests() != null && a.minRequests() < 0) {
            errors.add(new FieldError("steps.deploy.analysis.min_requests", "0 or more"));
        }
        return new PipelineSpec.DeployStep(strategy, in.steps(), in.replicas(), a.maxErrorRate(), a.maxP99Ms(),
                a.maxLabelDivergence(), a.minAgreement(), a.minRequests(), interval(a.interval()));
    }

    private void share(String field, Double value) {
        if (value != null && (value < 0 || value > 1)) {
            errors.add(new FieldError(field, "a share between 0 and 1"));
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}: 100 ms to 1 h. */
    private Long interval(String text) {
        if (text == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("(\\d{1,7})(ms|s|m)").matcher(text.trim());
        long millis = !m.matches() ? -1 : Long.parseLong(m.group(1)) * switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            default -> 60_000;
        };
        if (millis < 100 || millis > 3_600_000) {
            errors.add(new FieldError("steps.deploy.analysis.interval", "a duration such as 30s, 2m or 500ms, "
                    + "between 100ms and 60m"));
            return null;
        }
        return millis;
    }

    private DatasetRef dataset(SpecInput in) {
        if (in.dataset() == null || in.dataset().isBlank()) {
            errors.add(new FieldError("dataset", "required: a registered dataset, name or name@version"));
            return placeholder();
        }
        var found = datasets.apply(in.dataset());
        if (found.isEmpty()) {
            errors.add(new FieldError("dataset", "no dataset version '" + in.dataset() + "' is registered"));
            return placeholder();
        }
        var dataset = found.get();
        var byName = dataset.schema().columns().stream()
                .collect(Collectors.toMap(ColumnSchema::name, c -> c, (a, b) -> a, LinkedHashMap::new));
        checkTarget(in.target(), byName, dataset);
        var overrides = in.columns() == null ? Map.<String, ColumnType>of() : in.columns();
        overrides.forEach((column, type) -> {
            if (!byName.containsKey(column)) {
                errors.add(new FieldError("columns." + column, "not a column of " + label(dataset)));
            } else if (type == null) {
                errors.add(new FieldError("columns." + column, "must be one of " + Arrays.toString(ColumnType.values())));
            }
        });
        return withOverrides(dataset, overrides);
    }

    private void checkTarget(String target, Map<String, ColumnSchema> columns, DatasetRef dataset) {
        if (target == null || target.isBlank()) {
            errors.add(new FieldError("target", "required: the column to predict"));
        } else if (!columns.containsKey(target)) {
            errors.add(new FieldError("target", "'" + target + "' is not a column of " + label(dataset)
                    + "; columns: " + String.join(", ", columns.keySet())));
        } else if (columns.get(target).distinct() < 2) {
            errors.add(new FieldError("target", "'" + target + "' has " + columns.get(target).distinct()
                    + " distinct value(s) in " + label(dataset) + "; a classifier needs at least 2 classes"));
        }
    }

    private static DatasetRef withOverrides(DatasetRef dataset, Map<String, ColumnType> overrides) {
        var columns = dataset.schema().columns().stream()
                .map(c -> overrides.get(c.name()) == null ? c
                        : new ColumnSchema(c.name(), overrides.get(c.name()), c.missing(), c.distinct(), c.distinctCapped()))
                .toList();
        var schema = new DatasetSchema(columns, dataset.schema().missingTokens(), dataset.schema().rows());
        return new DatasetRef(dataset.name(), dataset.version(), dataset.sha256(), schema);
    }

    private PipelineSpec.CleanStep clean(SpecInput.Clean in) {
        var clean = in == null ? new SpecInput.Clean(null, null, null, null) : in;
        return new PipelineSpec.CleanStep(
                oneOf("steps.clean.missing", clean.missing(), MISSING, "impute-median"),
                oneOf("steps.clean.duplicates", clean.duplicates(), DUPLICATES, "drop"),
                oneOf("steps.clean.outliers", clean.outliers(), OUTLIERS, "none"));
    }

    private PipelineSpec.SplitStep split(SpecInput.Split in) {
        var split = in == null ? new SpecInput.Split(null, null, null, null, null) : in;
        double test = Objects.requireNonNullElse(split.test(), 0.2);
        double validation = Objects.requireNonNullElse(split.validation(), 0.0);
        if (!(test > 0 && test < 1)) {
            errors.add(new FieldError("steps.split.test", "must be a fraction between 0 and 1 (exclusive); got " + test));
        }
        if (!(validation >= 0 && validation < 1)) {
            errors.add(new FieldError("steps.split.validation", "must be a fraction in [0, 1); got " + validation));
        }
        if (test + validation > 0.9) {
            errors.add(new FieldError("steps.split", "test + validation must leave at least 10% of rows to train on"));
        }
        return new PipelineSpec.SplitStep(test, validation, Objects.requireNonNullElse(split.stratify(), true),
                Objects.requireNonNullElse(split.seed(), 42L));
    }

    private PipelineSpec.TrainStep train(SpecInput.Train in, PipelineSpec.SplitStep split, SpecInput spec,
            DatasetRef dataset) {
        if (in == null || in.algorithm() == null) {
            errors.add(new FieldError("steps.train.algorithm", "required; one of " + algorithmNames()));
            return null;
        }
        var algorithm = Algorithm.bySpecName(in.algorithm());
        var params = in.params() == null ? Map.<String, Object>of() : in.params();
        if (algorithm.isEmpty()) {
            errors.add(new FieldError("steps.train.algorithm", "unknown algorithm '" + in.algorithm() + "'; one of "
                    + algorithmNames()));
            return null;
        }
        params.keySet().stream().filter(p -> !algorithm.get().params().contains(p)).forEach(p -> errors.add(
                new FieldError("steps.train.params." + p, "unknown parameter for " + in.algorithm() + "; known: "
                        + String.join(", ", algorithm.get().params()))));
        var metrics = algorithm.get().task() == Algorithm.Task.REGRESSION ? REGRESSION_METRICS : METRICS;
        var search = in.search() == null ? null
                : new SearchValidation(errors, algorithm.get(), metrics).resolve(in.search(), params, split);
        var text = in.text() == null ? null
                : new TextValidation(errors).resolve(in.text(), algorithm.get(), spec.target(), dataset,
                        spec.columns() == null ? Map.of() : spec.columns());
        return new PipelineSpec.TrainStep(in.algorithm(), params, search, text);
    }

    private PipelineSpec.EvaluateStep evaluate(SpecInput.Evaluate in, Algorithm.Task task) {
        var known = task == Algorithm.Task.REGRESSION ? REGRESSION_METRICS : METRICS;
        var metrics = in == null || in.metrics() == null ? known : in.metrics();
        metrics.stream().filter(m -> !known.contains(m)).forEach(m -> errors.add(new FieldError(
                "steps.evaluate.metrics", "unknown metric '" + m + "' for " + task.specName() + "; known: "
                        + String.join(", ", known))));
        var gate = in == null ? null : in.gate();
        if (gate != null) {
            checkGate(gate, metrics, known);
        }
        return new PipelineSpec.EvaluateStep(metrics, in == null ? null : in.positive(), gate);
    }

    /** The gate must parse, and may only read metrics the evaluation measures (its own or an alias's). */
    private void checkGate(String text, List<String> evaluated, List<String> known) {
        try {
            var gate = Gate.parse(text);
            gate.candidateMetrics().stream().filter(m -> !evaluated.contains(m)).forEach(m -> errors.add(
                    new FieldError("steps.evaluate.gate", "'" + m + "' is not among the evaluated metrics ("
                            + String.join(", ", evaluated) + ")")));
            gate.aliasMetrics().forEach(reference -> {
                var alias = reference.substring(0, reference.indexOf('.'));
                var metric = reference.substring(reference.indexOf('.') + 1);
                if (!alias.matches(ModelAlias.NAME_PATTERN)) {
                    errors.add(new FieldError("steps.evaluate.gate", "'" + alias + "' is not an alias name"));
                } else if (!known.contains(metric)) {
                    errors.add(new FieldError("steps.evaluate.gate", "unknown metric '" + metric + "' in '"
                            + reference + "'; known: " + String.join(", ", known)));
                }
            });
        } catch (GateSyntaxException e) {
            errors.add(new FieldError("steps.evaluate.gate", e.getMessage()));
        }
    }

    /** Run-wide {@code cache: false} turns every step off; otherwise each step's own flag (default on). */
    private static Map<String, Boolean> cache(SpecInput in, SpecInput.Steps steps) {
        boolean run = !Boolean.FALSE.equals(in.cache());
        var cache = new LinkedHashMap<String, Boolean>();
        cache.put("clean", run && flag(steps.clean() == null ? null : steps.clean().cache()));
        cache.put("split", run && flag(steps.split() == null ? null : steps.split().cache()));
        cache.put("train", run && flag(steps.train() == null ? null : steps.train().cache()));
        cache.put("evaluate", run && flag(steps.evaluate() == null ? null : steps.evaluate().cache()));
        return cache;
    }

    private static boolean flag(Boolean value) {
        return !Boolean.FALSE.equals(value);
    }

    /** A regressor reads its target as numbers; say so before a worker finds a word in it. */
    private void requireNumericTarget(String target, DatasetRef dataset) {
        dataset.schema().columns().stream()
                .filter(c -> c.name().equals(target) && c.type() != ColumnType.NUMERIC)
                .findFirst()
                .ifPresent(c -> errors.add(new FieldError("target", "'" + target + "' is " + c.type().name().toLowerCase()
                        + " in " + label(dataset) + "; a regression algorithm needs a numeric target (override it with "
                        + "columns: { " + target + ": numeric } if its values are numbers)")));
    }

    private String oneOf(String field, String value, Set<String> allowed, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            errors.add(new FieldError(field, "'" + value + "' is not one of " + allowed.stream().sorted().toList()));
        }
        return value;
    }

    private void require(String field, String value, Pattern pattern, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, value == null ? "required: " + rule : "'" + value + "' must be " + rule));
        }
    }

    private static String algorithmNames() {
        return Arrays.stream(Algorithm.values()).map(Algorithm::specName).collect(Collectors.joining(", "));
    }

    private static String label(DatasetRef dataset) {
        return dataset.name() + "@" + dataset.version();
    }

    private static DatasetRef placeholder() {
        return new DatasetRef("", 0, "", new DatasetSchema(List.of(), List.of(), 0));
    }
}
