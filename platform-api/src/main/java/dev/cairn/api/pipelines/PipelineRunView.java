package dev.cairn.api.pipelines;

import dev.cairn.contracts.PipelineSpec;
import dev.cairn.contracts.StepName;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the API shows of a pipeline run; {@code metrics} are the evaluation's, once it has run. */
record PipelineRunView(String id, String pipeline, RunState state, String reason, String dataset,
        List<StepView> steps, Map<String, Double> metrics, ModelRef model, String trackingRunId, PipelineSpec spec,
        String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt, List<TrialView> trials) {

    /**
     * @param cached true when the step reused the output of run {@code cachedFrom} instead of running
     */
    record StepView(StepName step, RunState state, String reason, Map<String, Double> metrics,
            Map<String, Object> report, Map<String, String> outputs, String worker, boolean cached,
            String cachedFrom, Instant startedAt, Instant finishedAt) {

        static StepView of(StepRun s) {
            return new StepView(s.step, s.state, s.reason, s.metrics, s.report, s.outputs, s.worker, s.cached,
                    s.cachedFrom, s.startedAt, s.finishedAt);
        }
    }

    /** One trial of the run's hyperparameter search; {@code objective} is the validation metric searched on. */
    record TrialView(int number, int config, int rung, Map<String, Object> params, RunState state, String reason,
            Double objective, String trackingRunId, String worker, Instant startedAt, Instant finishedAt) {

        static TrialView of(SearchTrial t, String objective) {
            return new TrialView(t.number, t.config, t.rung, t.params, t.state, t.reason,
                    t.metrics == null ? null : t.metrics.get("validation_" + objective), t.trackingRunId, t.worker,
                    t.startedAt, t.finishedAt);
        }
    }

    record ModelRef(String name, int version) {
    }

    static PipelineRunView of(PipelineRun run) {
        var evaluation = run.step(StepName.EVALUATE).metrics;
        var model = run.modelVersion == null ? null : new ModelRef(run.modelName, run.modelVersion);
        return new PipelineRunView(run.id, run.pipeline, run.state, run.reason,
                run.datasetName + "@" + run.datasetVersion, run.steps.stream().map(StepView::of).toList(),
                evaluation == null ? Map.of() : evaluation, model, run.trackingRunId, run.spec, run.createdBy,
                run.createdAt, run.startedAt, run.finishedAt, trials(run));
    }

    private static List<TrialView> trials(PipelineRun run) {
        var search = run.spec.steps().train().search();
        return search == null ? List.of()
                : SearchTrial.of(run).stream().map(t -> TrialView.of(t, search.objective())).toList();
    }
}
