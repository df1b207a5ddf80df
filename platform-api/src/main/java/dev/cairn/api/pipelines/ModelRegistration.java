package dev.cairn.api.pipelines;

import dev.cairn.api.pipelines.gate.Gate;
import dev.cairn.api.registry.ModelVersion;
import dev.cairn.api.tracking.Run;
import dev.cairn.api.tracking.RunStatus;
import dev.cairn.contracts.StepName;
import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.model.ModelPackages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Where a pipeline run meets the experiment tracker and the model registry: the run is recorded as
 * a tracked run (params, then metrics as steps report them) and the evaluated model package becomes
 * the next version of the spec's model. Runs inside the orchestrator's transaction.
 */
@ApplicationScoped
class ModelRegistration {
    private static final Logger LOG = Logger.getLogger(ModelRegistration.class);
    private final ArtifactStorage storage;
    private final Event<DeployRequested> deployRequested;

    ModelRegistration(ArtifactStorage storage, Event<DeployRequested> deployRequested) {
        this.storage = storage;
        this.deployRequested = deployRequested;
    }

    void tracked(PipelineRun run) {
        var tracked = Run.startFor(run.pipeline, "pipeline-run:" + run.id);
        tracked.logParams(params(run));
        tracked.setTag("dataset", run.datasetName + "@" + run.datasetVersion);
        run.trackingRunId = tracked.id;
    }

    void register(PipelineRun run, StepRun evaluated) {
        if (!passesGate(run, evaluated)) {
            return;
        }
        var manifestSha = evaluated.outputs == null ? null : evaluated.outputs.get("model");
        try {
            if (manifestSha == null) {
                throw new IOException("the evaluate step reported no model package");
            }
            var manifest = ModelPackages.readManifest(storage, manifestSha);
            var version = ModelVersion.register(run.spec.steps().register().model(), manifest, manifestSha, run.id,
                    run.trackingRunId, run.createdBy);
            run.registered(version.model.name, version.version);
            var deploy = run.spec.steps().deploy();
            if (deploy != null) {
                deployRequested.fire(new DeployRequested(version.model.name, version.version, deploy, run.createdBy,
                        String.valueOf(run.id)));
            }
        } catch (IOException e) {
            LOG.warnf("Run %s: model package %s cannot be registered: %s", run.id, manifestSha, e.getMessage());
            run.fail(run.step(StepName.REGISTER), "the model package cannot be read: " + e.getMessage(), Instant.now());
        }
    }

    /**
     * Evaluates the spec's gate on the evaluation's metrics and those of the versions holding aliases of the
     * model; the verdict goes into the register step's report, and a failed gate fails the run.
     */
    private static boolean passesGate(PipelineRun run, StepRun evaluated) {
        var text = run.spec.steps().evaluate().gate();
        if (text == null) {
            return true;
        }
        var model = run.spec.steps().register().model();
        var verdict = Gate.parse(text).evaluate(evaluated.metrics,
                alias -> ModelVersion.aliased(model, alias).map(version -> version.metrics));
        var register = run.step(StepName.REGISTER);
        register.report = Map.of("gate", verdict.report());
        if (!verdict.passed()) {
            LOG.infof("Run %s: %s", run.id, verdict.reason());
            run.refusedByGate(verdict.reason());
        }
        return verdict.passed();
    }

    /**
     * Copies what the steps measured onto the tracked run and closes it with the run's outcome. A step's curves become
     * metric histories with step = epoch (1, 2, ...); a final metric of the same name is then left out, since the
     * curve's last point already is that value and a point at step 0 would sit before the first epoch.
     */
    void finished(PipelineRun run) {
        var tracked = Run.<Run> findByIdOptional(run.trackingRunId).orElse(null);
        if (tracked == null || tracked.status.isTerminal()) {
            return;
        }
        run.steps.stream().filter(s -> s.curves != null).forEach(step -> step.curves.forEach((key, points) -> {
            for (int i = 0; i < points.size(); i++) {
                Double value = points.get(i);
                if (value != null && Double.isFinite(value)) {
                    tracked.logMetric(metricKey(step, key), value, i + 1);
                }
            }
        }));
        run.steps.stream().filter(s -> s.metrics != null).forEach(step -> step.metrics.forEach((key, value) -> {
            boolean onACurve = step.curves != null && step.curves.containsKey(key);
            if (Double.isFinite(value) && !onACurve) {
                tracked.logMetric(metricKey(step, key), value, 0);
            }
        }));
        tracked.finish(switch (run.state) {
            case SUCCEEDED -> RunStatus.FINISHED;
            case CANCELLED -> RunStatus.KILLED;
            default -> RunStatus.FAILED;
        });
    }

    private static String metricKey(StepRun step, String key) {
        return step.step == StepName.EVALUATE ? key : step.step.name().toLowerCase() + "." + key;
    }

    private static Map<String, Object> params(PipelineRun run) {
        var steps = run.spec.steps();
        var params = new LinkedHashMap<String, Object>();
        params.put("dataset", run.spec.dataset());
        params.put("target", run.spec.target());
        params.put("algorithm", steps.train().algorithm());
        steps.train().params().forEach((key, value) -> params.put("train." + key, value));
        params.put("clean.missing", steps.clean().missing());
        params.put("clean.duplicates", steps.clean().duplicates());
        params.put("clean.outliers", steps.clean().outliers());
        params.put("split.test", steps.split().test());
        params.put("split.validation", steps.split().validation());
        params.put("split.seed", steps.split().seed());
        return params;
    }
}
