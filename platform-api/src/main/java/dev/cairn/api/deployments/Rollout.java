package dev.cairn.api.deployments;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A candidate version on its way to replace what a deployment serves, driven step by step by the
 * {@link RolloutController}. The row is the state of record: the controller acts only on a rollout that is still
 * {@link Status#RUNNING} under a row lock, so a person's rollback and the controller never both win.
 */
@Entity
public class Rollout extends PanacheEntity {

    public enum Strategy {
        /** Candidate traffic in steps (e.g. 10, 50, 100 %), each held for one analysis interval. */
        CANARY,
        /** Candidate checked with test traffic only (preview header), then all traffic at once. */
        BLUE_GREEN,
        /** Every request mirrored to the candidate, whose answers are measured and dropped; then switch or discard. */
        SHADOW
    }

    public enum Status {
        RUNNING, PROMOTED, ROLLED_BACK, FAILED
    }

    public String deploymentName;
    public String modelName;
    public int stableVersion;
    public int candidateVersion;
    public String candidateSha256;
    @Enumerated(EnumType.STRING)
    public Strategy strategy;
    public String steps;
    public int stepIndex;
    @Enumerated(EnumType.STRING)
    public Status status;
    public double maxErrorRate;
    public double maxP99Ms;
    public double maxLabelDivergence;
    public double minAgreement;
    public long intervalMs;
    public int minRequests;
    public String startedBy;
    public Instant startedAt;
    public Instant updatedAt;
    public Instant finishedAt;
    public String outcome;

    static Optional<Rollout> running(String deployment) {
        return find("deploymentName = ?1 and status = ?2", deployment, Status.RUNNING).firstResultOptional();
    }

    static Optional<Rollout> runningForUpdate(String deployment) {
        return find("deploymentName = ?1 and status = ?2", deployment, Status.RUNNING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    static Optional<Rollout> latest(String deployment) {
        return find("deploymentName = ?1 order by startedAt desc, id desc", deployment).firstResultOptional();
    }

    List<Integer> stepList() {
        return Arrays.stream(steps.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    void stepList(List<Integer> percents) {
        steps = percents.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    boolean lastStep() {
        return stepIndex >= stepList().size() - 1;
    }

    /** The traffic the current step sends to the candidate. */
    Traffic traffic() {
        return switch (strategy) {
            case CANARY -> Traffic.canary(stepList().get(stepIndex));
            case BLUE_GREEN -> Traffic.stableOnly();
            case SHADOW -> Traffic.mirrored();
        };
    }

    Analysis analysis() {
        // Blue-green is judged on whatever test traffic came (possibly none): its servers were checked ready.
        return new Analysis(maxErrorRate, maxP99Ms, maxLabelDivergence, minAgreement,
                strategy == Strategy.BLUE_GREEN ? 0 : minRequests);
    }

    void finish(Status end, String why) {
        status = end;
        outcome = why;
        finishedAt = Instant.now();
        updatedAt = finishedAt;
    }
}
