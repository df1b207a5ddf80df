package dev.cairn.api.pipelines;

import dev.cairn.api.Roles;
import dev.cairn.api.audit.Audit;
import dev.cairn.api.datasets.DatasetVersion;
import dev.cairn.api.outbox.Outbox;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import dev.cairn.store.artifact.ArtifactStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Advances pipeline runs: each call is one transaction that changes a run and queues the commands
 * the change implies in the outbox, so state and messages can never disagree.
 */
@ApplicationScoped
public class Orchestrator {
    static final String TASKS_TOPIC = "cairn.tasks";
    private static final Logger LOG = Logger.getLogger(Orchestrator.class);

    private final Outbox outbox;
    private final ModelRegistration registration;
    private final TrialScheduler trials;
    private final ArtifactStorage storage;
    private final PipelineConfig config;
    private final Audit audit;
    private final SpecParser parser = new SpecParser();

    Orchestrator(Outbox outbox, ModelRegistration registration, TrialScheduler trials, ArtifactStorage storage,
            PipelineConfig config, Audit audit) {
        this.outbox = outbox;
        this.registration = registration;
        this.trials = trials;
        this.storage = storage;
        this.config = config;
        this.audit = audit;
    }

    /**
     * @param mayRelease whether the submitter may move protected aliases; a retraining run later started from this
     *     spec acts on that same permission, checked here once
     */
    @Transactional
    public PipelineRun submit(String specText, boolean yaml, String user, boolean mayRelease) {
        var input = parser.parse(specText, yaml);
        var valid = new SpecValidator(ref -> DatasetVersion.resolve(ref).map(DatasetVersion::ref)).validate(input);
        if (valid.spec().steps().deploy() != null && !mayRelease) {
            throw new DeployNotAllowedException(Roles.RELEASE_MANAGER);
        }
        var run = PipelineRun.submit(valid.spec(), valid.dataset(), specText, user);
        run.persist();
        registration.tracked(run);
        proceed(run, run.start());
        return run;
    }

    /**
     * Starts a new run of the pipeline that produced {@code source}, with its spec as written but on the newest
     * version of its dataset (a pinned {@code name@version} included: retraining exists to see newer data). The spec
     * is checked again against that data; if it no longer holds, {@link RetrainingRefused} says why and nothing is
     * written.
     */
    @Transactional(dontRollbackOn = RetrainingRefused.class)
    public PipelineRun retrain(PipelineRun source, String user) {
        // JSON is YAML: a spec submitted as JSON reads back the same way.
        var input = parser.parse(source.specSource, true).onDataset(source.datasetName);
        SpecValidator.ValidSpec valid;
        try {
            valid = new SpecValidator(ref -> DatasetVersion.resolve(ref).map(DatasetVersion::ref)).validate(input);
        } catch (InvalidSpecException e) {
            throw new RetrainingRefused("the pipeline's spec does not hold on " + source.datasetName + ": "
                    + e.errors().stream().map(f -> f.field() + ": " + f.message()).toList());
        }
        var run = PipelineRun.submit(valid.spec(), valid.dataset(), source.specSource, user);
        run.persist();
        registration.tracked(run);
        proceed(run, run.start());
        return run;
    }

    @Transactional
    public void on(TaskEvent event) {
        var run = PipelineRun.byId(event.runId()).orElse(null);
        if (run == null) {
            LOG.warnf("Event for unknown run %s ignored (task %s)", event.runId(), event.taskId());
            return;
        }
        var trial = SearchTrial.byTask(event.taskId());
        if (trial.isPresent()) {
            // Trial results change no column of the run, yet must not interleave with a cancel: bump its version.
            PipelineRun.getEntityManager().lock(run, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            var next = trials.on(run, trial.get(), event, this::sendTrial);
            remember(run.step(StepName.TRAIN));
            proceed(run, next);
        } else {
            var next = run.apply(event);
            remember(run.step(event.step()));
            proceed(run, next);
        }
    }

    @Transactional
    public PipelineRun cancel(String id, String user) {
        var run = PipelineRun.byId(id).orElseThrow(() -> new NotFoundException("No pipeline run " + id));
        var before = run.state;
        run.cancel(user);
        trials.cancel(run, run.reason);
        registration.finished(run);
        audit.record("pipeline-run.cancelled", "pipeline-run:" + run.id, Map.of("state", before),
                Map.of("state", run.state, "reason", run.reason));
        return run;
    }

    /** Carries out what the run asks for; a step found in the cache is skipped, and the run asks again. */
    private void proceed(PipelineRun run, PipelineRun.Next next) {
        while (true) {
            switch (next) {
                case PipelineRun.Next.SendTask send -> {
                    var cached = cached(run, send.step());
                    if (cached != null) {
                        next = run.reuse(send.step(), cached);
                        continue;
                    }
                    send(send.command());
                }
                case PipelineRun.Next.StartSearch search -> {
                    var cached = cached(run, search.step());
                    if (cached != null) {
                        next = run.reuse(search.step(), cached);
                        continue;
                    }
                    trials.start(run, search.step(), this::sendTrial);
                }
                case PipelineRun.Next.Register register -> registration.register(run, register.evaluated());
                case PipelineRun.Next.Nothing nothing -> {
                }
            }
            if (run.state.isTerminal()) {
                registration.finished(run);
            }
            return;
        }
    }

    /** Keys the step and returns a usable cache entry, unless the spec turned caching off for it. */
    private StepCache cached(PipelineRun run, StepRun step) {
        step.cacheKey = StepCacheKey.of(run, step, run.inputsFor(step), config.cacheVersion());
        if (!run.spec.cacheable(step.step)) {
            return null;
        }
        return StepCache.usable(step.cacheKey, storage).orElse(null);
    }

    /** A step that ran and succeeded becomes the cache entry for its key (also when its spec said not to reuse). */
    private static void remember(StepRun step) {
        if (step.state == RunState.SUCCEEDED && step.cacheKey != null && !step.cached) {
            StepCache.remember(step);
        }
    }

    private void send(TaskCommand command) {
        outbox.send(TASKS_TOPIC, command.runId(), command);
    }

    /** On the partition the scheduler chose for it (see TrialPlacement), keyed by task for the record. */
    private void sendTrial(TaskCommand command, Integer partition) {
        outbox.send(TASKS_TOPIC, command.taskId(), partition, command);
    }
}
