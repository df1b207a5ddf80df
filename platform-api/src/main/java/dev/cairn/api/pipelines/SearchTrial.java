package dev.cairn.api.pipelines;

import dev.cairn.api.pipelines.search.SuccessiveHalving;
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
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One trial of a hyperparameter search: a configuration ({@code config}) trained on one rung's budget by
 * its own task. The search's whole state is these rows, so a restarted control plane carries on from them.
 */
@Entity
@Table(name = "search_trial")
public class SearchTrial extends PanacheEntity {
    @ManyToOne(optional = false)
    public PipelineRun run;
    /** Order of dispatch, from 0. */
    public int number;
    /** The configuration, from 0; a configuration promoted by successive halving keeps its number. */
    public int config;
    public int rung;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> params;
    @Enumerated(EnumType.STRING)
    public RunState state = RunState.PENDING;
    public String reason;
    public String taskId;
    public int attempt;
    /** The objective, higher is better (errors negated); null until the trial succeeded. */
    public Double score;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Double> metrics;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> outputs;
    public String trackingRunId;
    public String worker;
    /** The partition of {@code cairn.tasks} the trial was sent to; null for trials from before placement. */
    @Column(name = "task_partition")
    public Integer partition;
    public Instant startedAt;
    public Instant finishedAt;

    static SearchTrial of(PipelineRun run, int number, int config, int rung, Map<String, Object> params) {
        var trial = new SearchTrial();
        trial.run = run;
        trial.number = number;
        trial.config = config;
        trial.rung = rung;
        trial.params = params;
        trial.taskId = UUID.randomUUID().toString();
        trial.attempt = 1;
        return trial;
    }

    boolean awaits(TaskEvent event) {
        return !state.isTerminal() && event.attempt() == attempt;
    }

    void started(TaskEvent event) {
        if (state == RunState.PENDING) {
            state = RunState.RUNNING;
            startedAt = event.at();
            worker = event.worker();
        } else if (state == RunState.RUNNING && event.status() == TaskEvent.Status.STARTED
                && event.worker() != null && !event.worker().equals(worker)) {
            // Redelivered to another worker after the first one died: it runs here now, and owns the partition.
            startedAt = event.at();
            worker = event.worker();
        }
    }

    void succeeded(TaskEvent event, double objective) {
        started(event);
        state = RunState.SUCCEEDED;
        score = objective;
        metrics = event.metrics();
        outputs = event.outputs();
        finishedAt = event.at();
    }

    void failed(TaskEvent event, String why) {
        started(event);
        state = RunState.FAILED;
        reason = why;
        metrics = event.metrics();
        finishedAt = event.at();
    }

    void cancel(String why, Instant at) {
        if (!state.isTerminal()) {
            state = RunState.CANCELLED;
            reason = why;
            finishedAt = at;
        }
    }

    SuccessiveHalving.Entry entry() {
        return new SuccessiveHalving.Entry(config, rung, state == RunState.SUCCEEDED ? score : null);
    }

    static Optional<SearchTrial> byTask(String taskId) {
        return find("taskId", taskId).firstResultOptional();
    }

    static List<SearchTrial> of(PipelineRun run) {
        return list("run = ?1 order by number", run);
    }
}
