package dev.cairn.api.pipelines;

import dev.cairn.api.pipelines.search.Objective;
import dev.cairn.api.pipelines.search.Objective.Direction;
import dev.cairn.api.pipelines.search.SearchSpace;
import dev.cairn.api.problem.Problem.FieldError;
import dev.cairn.contracts.Algorithm;
import dev.cairn.contracts.PipelineSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks {@code steps.train.search} and fills its defaults: strategy random, 20 trials (a grid: all
 * of its points), parallelism 2, the objective f1_macro (rmse for a regressor) in its natural direction
 * (errors minimised, the rest maximised), the split's seed, no early stopping.
 */
final class SearchValidation {
    static final Set<String> STRATEGIES = Set.of("grid", "random", "tpe");
    static final int MAX_TRIALS = 1000;
    static final int MAX_PARALLELISM = 64;
    private static final String PATH = "steps.train.search";

    private final List<FieldError> errors;
    private final Algorithm algorithm;
    private final List<String> metrics;

    SearchValidation(List<FieldError> errors, Algorithm algorithm, List<String> metrics) {
        this.errors = errors;
        this.algorithm = algorithm;
        this.metrics = metrics;
    }

    PipelineSpec.Search resolve(SpecInput.Search in, Map<String, Object> params, PipelineSpec.SplitStep split) {
        var strategy = Objects.requireNonNullElse(in.strategy(), "random");
        if (!STRATEGIES.contains(strategy)) {
            error(".strategy", "'" + strategy + "' is not one of [grid, random, tpe]");
        }
        var space = space(in.space());
        var early = earlyStopping(in.earlyStopping(), in.space());
        long gridSize = space.gridSize();
        int trials = Objects.requireNonNullElse(in.trials(),
                strategy.equals("grid") ? (int) Math.min(gridSize, MAX_TRIALS) : 20);
        if (trials < 1 || trials > MAX_TRIALS) {
            error(".trials", "must be between 1 and " + MAX_TRIALS + "; got " + trials);
        } else if (strategy.equals("grid") && trials > gridSize) {
            trials = (int) gridSize; // a grid has no more points to try; say so in the resolved spec
        }
        int parallelism = Objects.requireNonNullElse(in.parallelism(), 2);
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            error(".parallelism", "must be between 1 and " + MAX_PARALLELISM + "; got " + parallelism);
        }
        var objective = Objects.requireNonNullElse(in.objective(),
                algorithm.task() == Algorithm.Task.REGRESSION ? "rmse" : "f1_macro");
        if (!metrics.contains(objective)) {
            error(".objective", "unknown metric '" + objective + "' for " + algorithm.task().specName()
                    + "; known: " + String.join(", ", metrics));
        }
        var direction = direction(in.direction(), objective);
        if (split != null && split.validation() <= 0) {
            errors.add(new FieldError("steps.split.validation", "a search scores its trials on validation rows: "
                    + "set a validation fraction, e.g. validation: 0.2"));
        }
        long seed = in.seed() != null ? in.seed() : split == null ? 42 : split.seed();
        return new PipelineSpec.Search(strategy, trials, parallelism, objective, in.space(), seed, early,
                direction.specName());
    }

    /**
     * The metric's own direction unless the spec states one; a stated direction that contradicts the metric
     * (maximising rmse, minimising f1_macro) is refused, because it would select the worst model on purpose.
     */
    private Direction direction(String given, String objective) {
        Direction natural = Objective.natural(objective);
        if (given == null) {
            return natural;
        }
        Direction stated = Direction.bySpecName(given);
        if (stated == null) {
            error(".direction", "'" + given + "' is not one of [maximize, minimize]");
        } else if (stated != natural) {
            error(".direction", "'" + objective + "' is better " + (natural == Direction.MINIMIZE ? "lower" : "higher")
                    + ", so a search must " + natural.specName() + " it; leave direction out or say "
                    + natural.specName());
        }
        return natural;
    }

    private SearchSpace space(Map<String, Object> raw) {
        if (raw == null || raw.isEmpty()) {
            error(".space", "required: the parameters to vary, e.g. { max_depth: [3, 10] }");
            return new SearchSpace(List.of());
        }
        raw.keySet().stream().filter(p -> !algorithm.params().contains(p)).forEach(p -> error(".space." + p,
                "unknown parameter for " + algorithm.specName() + "; known: " + String.join(", ", algorithm.params())));
        return SearchSpace.parse(raw, (name, message) -> error(".space." + name, message));
    }

    private PipelineSpec.EarlyStopping earlyStopping(SpecInput.EarlyStopping in, Map<String, Object> space) {
        if (in == null) {
            return null;
        }
        if (in.budget() == null || !algorithm.params().contains(in.budget())) {
            error(".early_stopping.budget", "required: the whole-number parameter of " + algorithm.specName()
                    + " that scales its training work (one of " + String.join(", ", algorithm.params()) + ")");
        } else if (space != null && space.containsKey(in.budget())) {
            error(".early_stopping.budget", "'" + in.budget() + "' is the budget, so it cannot also be searched");
        }
        int min = Objects.requireNonNullElse(in.min(), 1);
        int eta = Objects.requireNonNullElse(in.eta(), 3);
        if (in.max() == null || min < 1 || in.max() <= min) {
            error(".early_stopping", "needs 1 <= min < max (the budget of the first and of the last rung)");
        }
        if (eta < 2) {
            error(".early_stopping.eta", "must be at least 2 (the best 1/eta of each rung go on)");
        }
        return new PipelineSpec.EarlyStopping(in.budget(), min, in.max() == null ? min : in.max(), eta);
    }

    private void error(String suffix, String message) {
        errors.add(new FieldError(PATH + suffix, message));
    }
}
