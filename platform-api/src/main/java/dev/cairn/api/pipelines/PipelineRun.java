package dev.cairn.api.pipelines;

import dev.cairn.api.problem.ConflictException;
import dev.cairn.contracts.DatasetRef;
import dev.cairn.contracts.PipelineSpec;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A pipeline run: a state machine over its steps, advanced only by worker events. It owns the rules;
 * the {@link Orchestrator} persists it and sends the commands it asks for.
 */
@Entity
@Table(name = "pipeline_run")
public class PipelineRun extends PanacheEntityBase {
    @Id
    public String id;
    public String pipeline;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public PipelineSpec spec;
    public String specSource;
    public String datasetName;
    public int datasetVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public DatasetRef dataset;
    @Enumerated(EnumType.STRING)
    public RunState state = RunState.PENDING;
    public String reason;
    public String trackingRunId;
    public String modelName;
    public Integer modelVersion;
    public String createdBy;
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;
    @Version
    public int optlock;
    @OneToMany(mappedBy = "run", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<StepRun> steps = new ArrayList<>();

    static PipelineRun submit(PipelineSpec spec, DatasetRef dataset, String specSource, String user) {
        var run = new PipelineRun();
        run.id = UUID.randomUUID().toString();
        run.pipeline = spec.name();
        run.spec = spec;
        run.specSource = specSource;
        run.dataset = dataset;
        run.datasetName = dataset.name();
        run.datasetVersion = dataset.version();
        run.createdBy = user;
        run.createdAt = Instant.now();
        for (var step : StepName.values()) {
            run.steps.add(StepRun.of(run, step.ordinal(), step));
        }
        run.steps.getFirst().assignTask();
        return run;
    }

    /** What happens after an event: a task to send, a search to run, the model to register, or nothing. */
    sealed interface Next {
        record SendTask(StepRun step, TaskCommand command) implements Next {
        }

        /** The train step of a spec with {@code train.search}: the control plane runs trials instead of one task. */
        record StartSearch(StepRun step) implements Next {
        }

        record Register(StepRun evaluated) implements Next {
        }

        record Nothing() implements Next {
        }
    }

    /** The first step, handed to a new task. */
    Next start() {
        return begin(steps.getFirst());
    }

    /** Hands a step to a task (or, for register, to the control plane). */
    Next begin(StepRun step) {
        if (step.step == StepName.REGISTER) {
            step.state = RunState.RUNNING;
            step.startedAt = Instant.now();
            return new Next.Register(steps.get(step.position - 1));
        }
        step.assignTask();
        if (step.step == StepName.TRAIN && spec.steps().train().search() != null) {
            step.state = RunState.RUNNING;
            step.startedAt = Instant.now();
            return new Next.StartSearch(step);
        }
        return new Next.SendTask(step, commandFor(step));
    }

    /** The step reuses an earlier identical execution's output, and the run moves on to the next. */
    Next reuse(StepRun step, StepCache entry) {
        var now = Instant.now();
        if (state == RunState.PENDING) {
            state = RunState.RUNNING;
            startedAt = now;
        }
        step.reused(entry, now);
        return begin(steps.get(step.position + 1));
    }

    /** A search chose its best trial: the train step succeeds with that trial's model. */
    Next searchSucceeded(StepRun train, Map<String, String> outputs, Map<String, Double> metrics,
            Map<String, Object> report) {
        if (state.isTerminal() || train.state.isTerminal()) {
            return new Next.Nothing();
        }
        train.succeeded(outputs, metrics, report, Instant.now());
        return begin(steps.get(train.position + 1));
    }

    TaskCommand commandFor(StepRun step) {
        return new TaskCommand(TaskCommand.CURRENT_VERSION, step.taskId, step.attempt, id, step.step, spec, dataset,
                inputsFor(step));
    }

    /** Applies a worker's event once: stale, duplicate or late events (after cancel, say) change nothing. */
    Next apply(TaskEvent event) {
        var step = step(event.step());
        if (state.isTerminal() || !step.awaits(event)) {
            return new Next.Nothing();
        }
        if (state == RunState.PENDING) {
            state = RunState.RUNNING;
            startedAt = event.at();
        }
        return switch (event.status()) {
            case STARTED -> {
                step.started(event);
                yield new Next.Nothing();
            }
            case SUCCEEDED -> {
                step.succeeded(event);
                yield advanceAfter(step);
            }
            case FAILED -> {
                if (event.report() != null && !event.report().isEmpty()) {
                    step.report = event.report(); // what a failed step says of itself, its last log lines above all
                }
                fail(step, event.reason(), event.at());
                yield new Next.Nothing();
            }
        };
    }

    private Next advanceAfter(StepRun done) {
        return begin(steps.get(done.position + 1));
    }

    /** The gate refused the evaluated model: the run fails with the numbers that failed it. */
    void refusedByGate(String why) {
        fail(step(StepName.REGISTER), why, Instant.now());
        reason = why;
    }

    void registered(String model, int version) {
        var register = step(StepName.REGISTER);
        register.state = RunState.SUCCEEDED;
        register.outputs = Map.of("model", model + "@" + version);
        register.finishedAt = Instant.now();
        modelName = model;
        modelVersion = version;
        state = RunState.SUCCEEDED;
        finishedAt = register.finishedAt;
    }

    void fail(StepRun step, String why, Instant at) {
        var reasonText = why == null || why.isBlank() ? "no reason given" : why;
        step.failed(reasonText, at);
        state = RunState.FAILED;
        reason = step.step.name().toLowerCase() + " failed: " + reasonText;
        finishedAt = at;
        steps.forEach(s -> s.cancel("not run: an earlier step failed", at));
    }

    void cancel(String user) {
        if (state.isTerminal()) {
            throw new ConflictException("run-finished", "Run " + id + " is already " + state.name().toLowerCase());
        }
        var now = Instant.now();
        state = RunState.CANCELLED;
        reason = "cancelled by " + user;
        finishedAt = now;
        steps.forEach(s -> s.cancel(reason, now));
    }

    StepRun step(StepName name) {
        return steps.get(name.ordinal());
    }

    /** A step sees the dataset and every output of the steps before it; later outputs win a name clash. */
    Map<String, String> inputsFor(StepRun step) {
        var inputs = new LinkedHashMap<String, String>();
        inputs.put("dataset", dataset.sha256());
        steps.stream().filter(s -> s.position < step.position && s.outputs != null)
                .forEach(s -> inputs.putAll(s.outputs));
        return inputs;
    }

    public static Optional<PipelineRun> byId(String id) {
        return findByIdOptional(id);
    }

    static List<PipelineRun> page(String pipeline, int page, int size) {
        var query = pipeline == null ? find("order by createdAt desc")
                : find("pipeline = ?1 order by createdAt desc", pipeline);
        return query.page(page, size).list();
    }
}
