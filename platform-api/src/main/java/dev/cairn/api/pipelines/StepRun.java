package dev.cairn.api.pipelines;

import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One step of a pipeline run: its state, the task that carries it out, and what that task produced. */
@Entity
@Table(name = "step_run")
public class StepRun extends PanacheEntity {
    @ManyToOne(optional = false)
    public PipelineRun run;
    public int position;
    @Enumerated(EnumType.STRING)
    public StepName step;
    @Enumerated(EnumType.STRING)
    public RunState state = RunState.PENDING;
    public String reason;
    public String taskId;
    public int attempt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> outputs;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Double> metrics;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> report;
    /** Figures measured once per epoch while the step ran (an MLP's loss, ...): value {@code i} is epoch {@code i + 1}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, List<Double>> curves;
    public String worker;
    /** The key this step was dispatched under (see {@link StepCacheKey}); null for register. */
    public String cacheKey;
    /** True when the step reused the output of an earlier identical execution instead of running. */
    public boolean cached;
    /** The pipeline run whose execution a cached step reused. */
    public String cachedFrom;
    public Instant startedAt;
    public Instant finishedAt;

    static StepRun of(PipelineRun run, int position, StepName step) {
        var stepRun = new StepRun();
        stepRun.run = run;
        stepRun.position = position;
        stepRun.step = step;
        return stepRun;
    }

    /** Hands the step to a new task; events of any earlier task are stale from now on. */
    void assignTask() {
        taskId = UUID.randomUUID().toString();
        attempt = 1;
    }

    /** An event belongs to this step only if it comes from the task the step is waiting for. */
    boolean awaits(TaskEvent event) {
        return !state.isTerminal() && event.taskId().equals(taskId) && event.attempt() == attempt;
    }

    void started(TaskEvent event) {
        if (state == RunState.PENDING) {
            state = RunState.RUNNING;
            startedAt = event.at();
            worker = event.worker();
        }
    }

    void succeeded(TaskEvent event) {
        started(event);
        state = RunState.SUCCEEDED;
        outputs = event.outputs();
        metrics = event.metrics();
        report = event.report();
        curves = event.curves();
        finishedAt = event.at();
    }

    /** Done without running: the output of an earlier execution under the same cache key. */
    void reused(StepCache entry, Instant at) {
        state = RunState.SUCCEEDED;
        outputs = entry.outputs;
        metrics = entry.metrics;
        report = entry.report;
        curves = entry.curves;
        cached = true;
        cachedFrom = entry.sourceRunId;
        startedAt = at;
        finishedAt = at;
    }

    /** Done by the control plane itself (a search), with what it chose. */
    void succeeded(Map<String, String> outputs, Map<String, Double> metrics, Map<String, Object> report, Instant at) {
        state = RunState.SUCCEEDED;
        this.outputs = outputs;
        this.metrics = metrics;
        this.report = report;
        finishedAt = at;
    }

    void failed(String why, Instant at) {
        state = RunState.FAILED;
        reason = why;
        finishedAt = at;
    }

    void cancel(String why, Instant at) {
        if (!state.isTerminal()) {
            state = RunState.CANCELLED;
            reason = why;
            finishedAt = at;
        }
    }
}
