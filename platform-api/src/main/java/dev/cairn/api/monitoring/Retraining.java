package dev.cairn.api.monitoring;

import dev.cairn.api.audit.Audit;
import dev.cairn.api.datasets.DatasetVersion;
import dev.cairn.api.pipelines.Orchestrator;
import dev.cairn.api.pipelines.PipelineRun;
import dev.cairn.api.pipelines.RetrainingRefused;
import dev.cairn.api.registry.ModelVersion;
import dev.cairn.contracts.AlertChanged;
import dev.cairn.contracts.PipelineSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The spec's {@code monitor.retrain} policy, applied to a firing drift or performance alert: find the pipeline run
 * that produced the deployed model version; if its policy covers the alert's kind, its cooldown has passed and its
 * dataset has a newer version than the one the model learned from, start a new run of that pipeline on it. Every
 * decision is recorded against the alert (one per episode), and a started run in the audit log as {@value #ACTOR}.
 * Runs inside the transaction that stored the alert: alert, decision, run and its first task commit together.
 */
@ApplicationScoped
class Retraining {
    /** The actor of retraining runs in the audit log and in the run's {@code createdBy}. */
    static final String ACTOR = "cairn-monitor";
    static final String AUDIT_ACTION = "pipeline-run.retraining-started";
    private static final Logger LOG = Logger.getLogger(Retraining.class);

    private final Orchestrator orchestrator;
    private final Audit audit;

    Retraining(Orchestrator orchestrator, Audit audit) {
        this.orchestrator = orchestrator;
        this.audit = audit;
    }

    /** Decides for a newly firing alert; alerts of other kinds are not retraining's business. */
    void onFiring(Alert alert) {
        if (alert.kind != AlertChanged.Kind.DRIFT && alert.kind != AlertChanged.Kind.PERFORMANCE) {
            return;
        }
        var trigger = decide(alert);
        LOG.infof("Retraining for alert %s (%s): %s %s", alert.alertId, alert.deploymentId, trigger.decision,
                trigger.reason);
    }

    private RetrainingTrigger decide(Alert alert) {
        var deployed = deployedVersion(alert);
        if (deployed.isEmpty()) {
            return RetrainingTrigger.skipped(alert, null, null, "model package " + alert.modelPackage
                    + " of deployment " + alert.deploymentId + " is not a registered model version");
        }
        var version = deployed.get();
        var label = version.model.name + "@" + version.version;
        var source = Optional.ofNullable(version.sourceRunId).flatMap(PipelineRun::byId);
        if (source.isEmpty()) {
            return RetrainingTrigger.skipped(alert, null, null, label + " was not produced by a pipeline run");
        }
        var run = source.get();
        var policy = Optional.ofNullable(run.spec.monitor()).map(PipelineSpec.Monitor::retrain);
        String kind = alert.kind.name().toLowerCase(Locale.ROOT);
        if (policy.isEmpty()) {
            return RetrainingTrigger.skipped(alert, run.pipeline, run.id, "pipeline " + run.pipeline
                    + " has no monitor.retrain policy");
        }
        if (!policy.get().on().contains(kind)) {
            return RetrainingTrigger.skipped(alert, run.pipeline, run.id, "pipeline " + run.pipeline
                    + " retrains on " + policy.get().on() + ", not on " + kind);
        }
        // Alerts of one deployment come in order on one partition, but two deployments of one pipeline may not.
        Alert.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "cairn-retrain:" + run.pipeline).getSingleResult();
        return cooldownLeft(run.pipeline, policy.get())
                .or(() -> noNewerData(run))
                .map(why -> RetrainingTrigger.skipped(alert, run.pipeline, run.id, why))
                .orElseGet(() -> start(alert, run, label));
    }

    /** The version the deployment served when the window was measured: named by its package digest. */
    private static Optional<ModelVersion> deployedVersion(Alert alert) {
        if (alert.modelPackage == null) {
            return Optional.empty();
        }
        return ModelVersion.<ModelVersion>find("manifestSha256 = ?1 order by createdAt desc", alert.modelPackage)
                .firstResultOptional();
    }

    private static Optional<String> cooldownLeft(String pipeline, PipelineSpec.Retrain policy) {
        var cooldown = Duration.ofSeconds(policy.cooldownSeconds());
        return RetrainingTrigger.lastStarted(pipeline)
                .filter(last -> last.decidedAt.plus(cooldown).isAfter(Instant.now()))
                .map(last -> "cooldown " + policy.cooldown() + ": run " + last.runId + " started at "
                        + last.decidedAt + "; the next may start after " + last.decidedAt.plus(cooldown));
    }

    /** The same data would train the same model (its steps would even come from the cache): wait for newer data. */
    private static Optional<String> noNewerData(PipelineRun run) {
        int newest = DatasetVersion.latest(run.datasetName).map(d -> d.version).orElse(0);
        return newest > run.datasetVersion ? Optional.empty()
                : Optional.of("no newer data: " + run.datasetName + "@" + run.datasetVersion
                        + " is the dataset's newest version and the deployed model already learned from it");
    }

    private RetrainingTrigger start(Alert alert, PipelineRun source, String deployed) {
        PipelineRun started;
        try {
            started = orchestrator.retrain(source, ACTOR);
        } catch (RetrainingRefused e) {
            return RetrainingTrigger.skipped(alert, source.pipeline, source.id, e.getMessage());
        }
        var why = alert.kind.name().toLowerCase(Locale.ROOT) + " alert on " + alert.deploymentId + " ("
                + alert.metric + (alert.feature == null ? "" : " of " + alert.feature) + "): retraining "
                + source.pipeline + " on " + started.datasetName + "@" + started.datasetVersion;
        var before = new LinkedHashMap<String, Object>();
        before.put("alertId", alert.alertId);
        before.put("deployment", alert.deploymentId);
        before.put("deployedVersion", deployed);
        before.put("sourceRun", source.id);
        before.put("dataset", source.datasetName + "@" + source.datasetVersion);
        audit.recordAs(ACTOR, AUDIT_ACTION, "pipeline-run:" + started.id, before,
                Map.of("run", started.id, "dataset", started.datasetName + "@" + started.datasetVersion));
        return RetrainingTrigger.started(alert, source.pipeline, source.id, started.id, why);
    }
}
