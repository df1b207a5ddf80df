package dev.cairn.api.deployments;

import dev.cairn.api.audit.Audit;
import dev.cairn.api.problem.ConflictException;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.api.registry.AliasMoves;
import dev.cairn.api.registry.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Drives rollouts by evidence. Each running rollout has a loop (a virtual thread) that holds the current step for
 * the analysis interval, reads what the runtime observed of both tracks in that window, judges it
 * ({@link Analysis}) and then, by itself, goes to the next step, promotes, holds, or rolls back, recording the
 * decision with its evidence and an audit entry.
 *
 * <p>Alias rule: the deployment's alias (e.g. {@code production}) moves to the candidate in the same transaction that
 * records the promotion, after the runtime has switched all traffic; a rollback never moved it, so traffic and alias
 * agree at every end state. One lock per deployment orders the loop's actions and a person's rollback.
 */
@ApplicationScoped
public class RolloutController {
    static final String STARTED = "deployment.rollout-started";
    static final String PROMOTED = "deployment.rollout-promoted";
    static final String ROLLED_BACK = "deployment.rollout-rolled-back";
    static final String FAILED = "deployment.rollout-failed";
    /** Who the audit log and the decisions name for what the controller decided by itself. */
    static final String CONTROLLER = "rollout-controller";

    private static final Logger LOG = Logger.getLogger(RolloutController.class);

    private final DeploymentRuntime runtime;
    private final RolloutConfig config;
    private final Audit audit;
    private final AliasMoves aliases;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    RolloutController(Instance<DeploymentRuntime> runtimes, RolloutConfig config, Audit audit, AliasMoves aliases) {
        this.runtime = runtimes.get();
        this.config = config;
        this.audit = audit;
        this.aliases = aliases;
    }

    /**
     * Starts the candidate's servers (seconds), sends it the first step's traffic and hands the rollout to its loop.
     *
     * @throws RuntimeUnavailableException if the candidate did not become ready; the rollout is recorded as failed
     */
    public long start(String deployment, RolloutRequest request, String actor) {
        Rollout rollout = QuarkusTransaction.requiringNew().call(() -> begin(deployment, request, actor));
        var candidate = new ServedVersion(rollout.modelName, rollout.candidateVersion, rollout.candidateSha256);
        try {
            runtime.startCandidate(deployment, candidate, replicas(deployment, request));
        } catch (RuntimeException e) {
            conclude(rollout.id, Rollout.Status.FAILED, RolloutDecision.Kind.FAILED,
                    "the candidate's servers did not start: " + e.getMessage(), null, CONTROLLER, false);
            throw e;
        }
        runLocked(deployment, () -> {
            if (QuarkusTransaction.requiringNew().call(() -> Rollout.<Rollout> findById(rollout.id).status)
                    == Rollout.Status.RUNNING) {
                runtime.route(deployment, rollout.traffic());
            } else {
                runtime.discardCandidate(deployment); // rolled back by hand while the candidate was starting
            }
        });
        Thread.ofVirtual().name("cairn-rollout-" + deployment).start(() -> drive(deployment, rollout.id));
        return rollout.id;
    }

    private Rollout begin(String deployment, RolloutRequest request, String actor) {
        var d = Deployment.<Deployment> find("name", deployment)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("no deployment named '" + deployment + "'"));
        if (Rollout.running(deployment).isPresent()) {
            throw new ConflictException("rollout-in-progress", "deployment '" + deployment
                    + "' has a rollout in progress; wait for it or roll it back first");
        }
        if (request.version() == d.version) {
            throw new ConflictException("already-serving", "deployment '" + deployment + "' serves version "
                    + d.version + " already");
        }
        var version = ModelVersion.of(d.modelName, request.version()).orElseThrow(() -> new NotFoundException(
                "model '" + d.modelName + "' has no version " + request.version()));
        var r = RolloutPlan.from(request, config).toRollout(d, version.version, version.manifestSha256, actor);
        r.persist();
        RolloutDecision.record(r, RolloutDecision.Kind.STARTED, "candidate version " + r.candidateVersion
                + " against stable version " + r.stableVersion + " (" + r.strategy + " " + r.steps + ")", null, actor);
        audit.recordAs(actor, STARTED, Deployment.auditTarget(deployment), d.state(),
                Map.of("candidateVersion", r.candidateVersion, "strategy", r.strategy.name(), "steps", r.steps));
        return r;
    }

    private int replicas(String deployment, RolloutRequest request) {
        return request.replicas() != null ? request.replicas()
                : QuarkusTransaction.requiringNew().call(() -> Deployment.byName(deployment).orElseThrow().replicas);
    }

    /** The loop: one analysis window per turn until the rollout ends. */
    private void drive(String deployment, long id) {
        Observation previous = runtime.observe(deployment);
        int holds = 0;
        while (!stopping) {
            long interval = QuarkusTransaction.requiringNew().call(() -> Rollout.<Rollout> findById(id).intervalMs);
            sleep(interval);
            try {
                var turn = new Turn(previous, holds);
                if (!withLock(deployment, () -> analyse(deployment, id, turn))) {
                    return;
                }
                previous = turn.observed;
                holds = turn.holds;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Rollout %d of %s: analysis failed; trying again next interval", id, deployment);
            }
        }
    }

    /** State carried from one window to the next. */
    private static final class Turn {
        Observation observed;
        int holds;

        Turn(Observation observed, int holds) {
            this.observed = observed;
            this.holds = holds;
        }
    }

    /** One window's decision; false when the rollout has ended. */
    private boolean analyse(String deployment, long id, Turn turn) {
        Rollout r = QuarkusTransaction.requiringNew().call(() -> Rollout.<Rollout> findById(id));
        if (r.status != Rollout.Status.RUNNING) {
            return false;
        }
        Observation now = runtime.observe(deployment);
        Evidence evidence = Evidence.of(now.since(turn.observed), now);
        turn.observed = now;
        var verdict = r.analysis().judge(evidence);
        switch (verdict.outcome()) {
            case FAIL -> {
                runtime.discardCandidate(deployment);
                conclude(id, Rollout.Status.ROLLED_BACK, RolloutDecision.Kind.ROLLED_BACK, verdict.reason(), evidence,
                        CONTROLLER, false);
                return false;
            }
            case INCONCLUSIVE -> {
                if (++turn.holds > config.maxHolds()) {
                    runtime.discardCandidate(deployment);
                    conclude(id, Rollout.Status.ROLLED_BACK, RolloutDecision.Kind.ROLLED_BACK, "no evidence after "
                            + config.maxHolds() + " held windows: " + verdict.reason(), evidence, CONTROLLER, false);
                    return false;
                }
                QuarkusTransaction.requiringNew().run(() -> RolloutDecision.record(Rollout.findById(id),
                        RolloutDecision.Kind.HOLD, verdict.reason(), evidence, CONTROLLER));
                return true;
            }
            default -> {
                turn.holds = 0;
                if (r.lastStep()) {
                    runtime.promoteCandidate(deployment);
                    conclude(id, Rollout.Status.PROMOTED, RolloutDecision.Kind.PROMOTED, verdict.reason(), evidence,
                            CONTROLLER, true);
                    return false;
                }
                Rollout next = QuarkusTransaction.requiringNew().call(() -> {
                    Rollout locked = Rollout.findById(id);
                    locked.stepIndex++;
                    locked.updatedAt = Instant.now();
                    RolloutDecision.record(locked, RolloutDecision.Kind.STEP, verdict.reason(), evidence, CONTROLLER);
                    return locked;
                });
                runtime.route(deployment, next.traffic());
                return true;
            }
        }
    }

    /**
     * A person's rollback or a deletion during a rollout: traffic returns to stable at once and the candidate stops.
     *
     * @return false if no rollout was running
     */
    public boolean rollBackByHand(String deployment, String actor, String why) {
        return withLock(deployment, () -> {
            var running = QuarkusTransaction.requiringNew().call(() -> Rollout.running(deployment).map(r -> r.id));
            if (running.isEmpty()) {
                return false;
            }
            runtime.discardCandidate(deployment);
            conclude(running.get(), Rollout.Status.ROLLED_BACK, RolloutDecision.Kind.ROLLED_BACK, why, null, actor,
                    false);
            return true;
        });
    }

    /** Ends a rollout: row, decision, audit entry and, for a promotion, the deployment row and its alias, together. */
    private void conclude(long id, Rollout.Status end, RolloutDecision.Kind kind, String why, Evidence evidence,
            String actor, boolean promoted) {
        QuarkusTransaction.requiringNew().run(() -> {
            Rollout r = Rollout.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (r.status != Rollout.Status.RUNNING) {
                return;
            }
            var d = Deployment.byName(r.deploymentName).orElse(null);
            var before = d == null ? null : d.state();
            if (promoted && d != null) {
                d.nowServes(new ServedVersion(r.modelName, r.candidateVersion, r.candidateSha256), actor);
                aliases.point(d.modelName, d.alias, r.candidateVersion);
            }
            r.finish(end, why);
            RolloutDecision.record(r, kind, why, evidence, actor);
            String action = switch (end) {
                case PROMOTED -> PROMOTED;
                case ROLLED_BACK -> ROLLED_BACK;
                default -> FAILED;
            };
            audit.recordAs(actor, action, Deployment.auditTarget(r.deploymentName), before,
                    Map.of("stableVersion", promoted ? r.candidateVersion : r.stableVersion, "candidateVersion",
                            r.candidateVersion, "reason", why));
        });
        LOG.infof("Rollout %d: %s (%s)", id, end, why);
    }

    private <T> T withLock(String deployment, java.util.function.Supplier<T> action) {
        var lock = locks.computeIfAbsent(deployment, d -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void runLocked(String deployment, Runnable action) {
        withLock(deployment, () -> {
            action.run();
            return null;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A local runtime loses its servers with the control plane: a rollout found running at start cannot go on. */
    void onStart(@Observes StartupEvent started) {
        QuarkusTransaction.requiringNew().run(() -> Rollout.<Rollout> list("status", Rollout.Status.RUNNING)
                .forEach(r -> {
                    r.finish(Rollout.Status.FAILED, "the control plane restarted during the rollout");
                    RolloutDecision.record(r, RolloutDecision.Kind.FAILED, r.outcome, null, CONTROLLER);
                }));
    }

    void onStop(@Observes ShutdownEvent stopping) {
        this.stopping = true;
    }
}
