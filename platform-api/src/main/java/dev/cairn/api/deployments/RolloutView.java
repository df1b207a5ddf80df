package dev.cairn.api.deployments;

import java.time.Instant;
import java.util.List;

/** A rollout as the API shows it: where it stands, what the runtime observes now, and every decision so far. */
public record RolloutView(long id, String deployment, String model, Rollout.Strategy strategy, int stableVersion,
        int candidateVersion, List<Integer> steps, int stepIndex, int candidatePercent, boolean mirrored,
        Rollout.Status status, Analysis analysis, long intervalMs, String startedBy, Instant startedAt,
        Instant finishedAt, String outcome, Observation observed, List<DecisionView> decisions) {

    public record DecisionView(Instant at, RolloutDecision.Kind kind, int stepIndex, int candidatePercent,
            boolean mirrored, String reason, Evidence evidence, String decidedBy) {
        static DecisionView of(RolloutDecision d) {
            return new DecisionView(d.decidedAt, d.kind, d.stepIndex, d.candidatePercent, d.mirrored, d.reason,
                    d.evidence, d.decidedBy);
        }
    }

    static RolloutView of(Rollout r, Observation observed) {
        var traffic = r.status == Rollout.Status.RUNNING ? r.traffic()
                : r.status == Rollout.Status.PROMOTED ? Traffic.canary(100) : Traffic.stableOnly();
        return new RolloutView(r.id, r.deploymentName, r.modelName, r.strategy, r.stableVersion, r.candidateVersion,
                r.stepList(), r.stepIndex, traffic.candidatePercent(), traffic.mirror(), r.status, r.analysis(),
                r.intervalMs, r.startedBy, r.startedAt, r.finishedAt, r.outcome,
                r.status == Rollout.Status.RUNNING ? observed : null,
                RolloutDecision.of(r).stream().map(DecisionView::of).toList());
    }
}
