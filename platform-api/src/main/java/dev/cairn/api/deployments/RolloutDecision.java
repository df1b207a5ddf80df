package dev.cairn.api.deployments;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One decision taken during a rollout, by the controller (with its evidence) or by a person. */
@Entity
public class RolloutDecision extends PanacheEntity {

    public enum Kind {
        STARTED, STEP, HOLD, PROMOTED, ROLLED_BACK, FAILED
    }

    public long rolloutId;
    public Instant decidedAt;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public int stepIndex;
    public int candidatePercent;
    public boolean mirrored;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public Evidence evidence;
    public String decidedBy;

    static RolloutDecision record(Rollout rollout, Kind kind, String reason, Evidence evidence, String by) {
        var d = new RolloutDecision();
        d.rolloutId = rollout.id;
        d.decidedAt = Instant.now();
        d.kind = kind;
        d.stepIndex = rollout.stepIndex;
        var traffic = kind == Kind.PROMOTED ? Traffic.canary(100)
                : kind == Kind.ROLLED_BACK || kind == Kind.FAILED ? Traffic.stableOnly() : rollout.traffic();
        d.candidatePercent = traffic.candidatePercent();
        d.mirrored = traffic.mirror();
        d.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        d.evidence = evidence;
        d.decidedBy = by;
        d.persist();
        return d;
    }

    static List<RolloutDecision> of(Rollout rollout) {
        return list("rolloutId = ?1 order by decidedAt, id", rollout.id);
    }
}
