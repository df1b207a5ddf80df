package dev.cairn.api.monitoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the control plane decided for one firing drift or performance alert: the retraining run it started, or why it
 * started none. Keyed by the alert's episode, so one episode never starts two runs.
 */
@Entity
public class RetrainingTrigger extends PanacheEntityBase {
    public enum Decision {
        STARTED, SKIPPED
    }

    @Id
    public String alertId;
    public String deploymentId;
    public String pipeline;
    public String sourceRunId;
    @Enumerated(EnumType.STRING)
    public Decision decision;
    public String runId;
    public String reason;
    public Instant decidedAt;

    static RetrainingTrigger skipped(Alert alert, String pipeline, String sourceRunId, String why) {
        return of(alert, pipeline, sourceRunId, Decision.SKIPPED, null, why);
    }

    static RetrainingTrigger started(Alert alert, String pipeline, String sourceRunId, String runId, String why) {
        return of(alert, pipeline, sourceRunId, Decision.STARTED, runId, why);
    }

    private static RetrainingTrigger of(Alert alert, String pipeline, String sourceRunId, Decision decision,
            String runId, String why) {
        var t = new RetrainingTrigger();
        t.alertId = alert.alertId;
        t.deploymentId = alert.deploymentId;
        t.pipeline = pipeline;
        t.sourceRunId = sourceRunId;
        t.decision = decision;
        t.runId = runId;
        t.reason = why;
        t.decidedAt = Instant.now();
        t.persist();
        return t;
    }

    /** The last retraining run started for the pipeline: the cooldown counts from it. */
    static Optional<RetrainingTrigger> lastStarted(String pipeline) {
        return find("pipeline = ?1 and decision = ?2 order by decidedAt desc", pipeline, Decision.STARTED)
                .firstResultOptional();
    }

    static List<RetrainingTrigger> forAlerts(Collection<String> alertIds) {
        return alertIds.isEmpty() ? List.of() : list("alertId in ?1", alertIds);
    }

    static List<RetrainingTrigger> ofDeployment(String deployment, int limit) {
        return find("deploymentId = ?1 order by decidedAt desc", deployment).page(0, limit).<RetrainingTrigger>list();
    }
}
