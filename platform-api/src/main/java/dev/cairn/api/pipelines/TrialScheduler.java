package dev.cairn.api.pipelines;

import dev.cairn.api.pipelines.search.Objective;
import dev.cairn.api.pipelines.search.Observation;
import dev.cairn.api.pipelines.search.Proposer;
import dev.cairn.api.pipelines.search.SearchSpace;
import dev.cairn.api.pipelines.search.SuccessiveHalving;
import dev.cairn.api.tracking.Run;
import dev.cairn.api.tracking.RunStatus;
import dev.cairn.contracts.PipelineSpec;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Runs the hyperparameter search of a train step. Each trial is its own TRAIN task with the spec's params
 * overridden by the trial's, so any worker trains it like any other; at most {@code parallelism} are out at
 * once. What to run next is decided from the {@link SearchTrial} rows alone, in the transaction that applies
 * a trial's result, and its command goes out through the outbox in that same transaction: a restart of the
 * control plane or a worker loses nothing and repeats no finished trial. Each trial goes to a partition of
 * {@code cairn.tasks} chosen by {@link TrialPlacement}, so that it lands on an idle worker.
 */
@ApplicationScoped
class TrialScheduler {
    private final PipelineConfig config;

    TrialScheduler(PipelineConfig config) {
        this.config = config;
    }

    void start(PipelineRun run, StepRun train, BiConsumer<TaskCommand, Integer> send) {
        fill(run, train, SearchTrial.of(run), send);
    }

    /** Applies a trial's event; returns what the run does next once the search is over. */
    PipelineRun.Next on(PipelineRun run, SearchTrial trial, TaskEvent event, BiConsumer<TaskCommand, Integer> send) {
        var train = run.step(StepName.TRAIN);
        if (run.state.isTerminal() || train.state.isTerminal() || !trial.awaits(event)) {
            return new PipelineRun.Next.Nothing();
        }
        var search = run.spec.steps().train().search();
        switch (event.status()) {
            case STARTED -> trial.started(event);
            case SUCCEEDED -> succeeded(trial, event, Objective.of(search));
            case FAILED -> trial.failed(event, event.reason() == null ? "no reason given" : event.reason());
        }
        if (trial.state.isTerminal()) {
            track(run, trial);
        }
        // The trials fill just sent count as out: checking the list from before them would end the search early
        // whenever the result in hand was the only trial in flight (parallelism 1, or one idle worker).
        var trials = fill(run, train, SearchTrial.of(run), send);
        return trials.stream().anyMatch(t -> !t.state.isTerminal()) ? new PipelineRun.Next.Nothing()
                : finish(run, train, trials);
    }

    /** The trials still out are cancelled with their run; results that arrive later change nothing. */
    void cancel(PipelineRun run, String why) {
        var now = Instant.now();
        SearchTrial.of(run).forEach(t -> t.cancel(why, now));
    }

    private static void succeeded(SearchTrial trial, TaskEvent event, Objective objective) {
        Double value = event.metrics() == null ? null : event.metrics().get("validation_" + objective.metric());
        if (value == null || !Double.isFinite(value)) {
            trial.failed(event, "the trial reported no validation_" + objective.metric());
        } else {
            trial.succeeded(event, objective.score(value));
        }
    }

    /** Sends trials while there is room; returns every trial of the search, those just sent included. */
    private List<SearchTrial> fill(PipelineRun run, StepRun train, List<SearchTrial> trials,
            BiConsumer<TaskCommand, Integer> send) {
        var search = run.spec.steps().train().search();
        var halving = halving(search);
        var proposer = Proposer.of(search.strategy(), SearchSpace.parse(search.space(), (n, m) -> {
        }), search.seed(), search.trials());
        var all = new ArrayList<>(trials);
        long running = all.stream().filter(t -> !t.state.isTerminal()).count();
        var placement = TrialPlacement.now(config.taskPartitions());
        while (running < search.parallelism()) {
            var partition = placement.next(running == 0);
            if (partition.isEmpty()) {
                break; // every worker known is busy: the next result calls this again
            }
            var promotion = halving.promotion(all.stream().map(SearchTrial::entry).toList());
            SearchTrial next;
            if (promotion.isPresent()) {
                var from = all.stream().filter(t -> t.config == promotion.get().config() && t.rung == 0).findFirst()
                        .orElseThrow();
                next = SearchTrial.of(run, all.size(), from.config, promotion.get().rung(), from.params);
            } else {
                int configs = (int) all.stream().filter(t -> t.rung == 0).count();
                if (configs >= search.trials()) {
                    break;
                }
                next = SearchTrial.of(run, all.size(), configs, 0, proposer.propose(configs, history(all)));
            }
            var early = search.earlyStopping();
            if (early != null) {
                // The budget is part of what the trial trained with: shown with its params, sent with its task.
                var withBudget = new LinkedHashMap<String, Object>(next.params);
                withBudget.put(early.budget(), halving.budgets().get(next.rung));
                next.params = withBudget;
            }
            next.partition = partition.getAsInt();
            next.persist();
            placement.placed(next.partition);
            all.add(next);
            running++;
            send.accept(command(run, train, next), next.partition);
        }
        return all;
    }

    /** Finished rung-0 results in configuration order: every configuration has one, so they compare fairly. */
    private static List<Observation> history(List<SearchTrial> trials) {
        return trials.stream().filter(t -> t.rung == 0 && t.state == RunState.SUCCEEDED)
                .sorted(java.util.Comparator.comparingInt(t -> t.config))
                .map(t -> new Observation(t.config, t.params, t.score)).toList();
    }

    private static TaskCommand command(PipelineRun run, StepRun train, SearchTrial trial) {
        var spec = run.spec;
        var steps = spec.steps();
        var params = new LinkedHashMap<String, Object>(steps.train().params());
        params.putAll(trial.params);
        var trialSpec = new PipelineSpec(spec.name(), spec.dataset(), spec.target(), spec.columns(),
                new PipelineSpec.Steps(steps.clean(), steps.split(),
                        new PipelineSpec.TrainStep(steps.train().algorithm(), params, null, steps.train().text()),
                        steps.evaluate(),
                        steps.register()), spec.cache());
        return new TaskCommand(TaskCommand.CURRENT_VERSION, trial.taskId, trial.attempt, run.id, StepName.TRAIN,
                trialSpec, run.dataset, run.inputsFor(train));
    }

    private static PipelineRun.Next finish(PipelineRun run, StepRun train, List<SearchTrial> trials) {
        var best = SuccessiveHalving.best(trials.stream().map(SearchTrial::entry).toList());
        if (best.isEmpty()) {
            var first = trials.stream().filter(t -> t.reason != null).findFirst().map(t -> t.reason).orElse("none ran");
            run.fail(train, "every trial of the search failed; the first said: " + first, Instant.now());
            return new PipelineRun.Next.Nothing();
        }
        var winner = trials.stream().filter(t -> t.config == best.get().config() && t.rung == best.get().rung())
                .findFirst().orElseThrow();
        var metrics = new LinkedHashMap<String, Double>(winner.metrics == null ? Map.of() : winner.metrics);
        metrics.put("search_trials", (double) trials.size());
        metrics.put("search_best_trial", (double) winner.number);
        return run.searchSucceeded(train, winner.outputs, metrics, Map.of("search", summary(run, winner, trials)));
    }

    private static Map<String, Object> summary(PipelineRun run, SearchTrial winner, List<SearchTrial> trials) {
        var search = run.spec.steps().train().search();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("strategy", search.strategy());
        summary.put("objective", "validation_" + search.objective());
        summary.put("direction", Objective.of(search).direction().specName());
        summary.put("best", Map.of("trial", winner.number, "params", winner.params, "rung", winner.rung,
                "value", winner.metrics.get("validation_" + search.objective())));
        summary.put("trials", trials.size());
        summary.put("failed", trials.stream().filter(t -> t.state == RunState.FAILED).count());
        return summary;
    }

    private static SuccessiveHalving halving(PipelineSpec.Search search) {
        var early = search.earlyStopping();
        return early == null ? SuccessiveHalving.none() : SuccessiveHalving.of(early.min(), early.max(), early.eta());
    }

    /** Each trial is a child run of the pipeline run's tracked run, with its params and metrics. */
    private static void track(PipelineRun run, SearchTrial trial) {
        var child = Run.startFor(run.pipeline, "pipeline-run:" + run.id + "/trial:" + trial.number);
        if (run.trackingRunId != null) {
            child.setTag("parent_run_id", run.trackingRunId);
        }
        child.setTag("trial", String.valueOf(trial.number));
        child.setTag("rung", String.valueOf(trial.rung));
        var params = new LinkedHashMap<String, Object>();
        trial.params.forEach((k, v) -> params.put("train." + k, v));
        child.logParams(params);
        if (trial.metrics != null) {
            trial.metrics.forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    child.logMetric(k, v, trial.rung);
                }
            });
        }
        child.finish(trial.state == RunState.SUCCEEDED ? RunStatus.FINISHED : RunStatus.FAILED);
        trial.trackingRunId = child.id;
    }
}
