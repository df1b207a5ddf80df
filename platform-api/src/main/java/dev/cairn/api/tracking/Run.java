package dev.cairn.api.tracking;

import dev.cairn.api.problem.ConflictException;
import dev.cairn.api.problem.InvalidRequestException;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.api.problem.Problem.FieldError;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One execution that logs what it was given (params), what it measured (metrics), how it is
 * labelled (tags) and what it produced (artifacts), MLflow-style.
 *
 * <p>A run is a record of what happened, so params and artifacts are write-once and a finished run
 * takes no new params, metrics or artifacts; tags stay editable because they are annotations.
 *
 * <p>Java API for other features (call inside your transaction; the entity is managed):
 * {@link #startFor}, {@link #logParams}, {@link #logMetric}, {@link #setTag}, {@link #finish}.
 */
@Entity
@Table(name = "experiment_run")
public class Run extends PanacheEntityBase {
    /** Param, metric and tag keys: letters, digits, '_', '-', '.', '/' (for groups like {@code val/loss}). */
    public static final String KEY_PATTERN = "[A-Za-z0-9_./-]{1,250}";
    public static final int MAX_VALUE_LENGTH = 6000;

    @Id
    public String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "experiment_id")
    public Experiment experiment;
    public String name;
    @Enumerated(EnumType.STRING)
    public RunStatus status;
    /** What started the run, e.g. the pipeline run id; free text for runs logged by hand or by CI. */
    public String source;
    public String createdBy;
    public Instant startTime;
    public Instant endTime;

    @ElementCollection
    @CollectionTable(name = "run_param", joinColumns = @JoinColumn(name = "run_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "value")
    private Map<String, String> params = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "run_tag", joinColumns = @JoinColumn(name = "run_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "value")
    private Map<String, String> tags = new HashMap<>();

    /** Kept beside the full history ({@link RunMetric}) so showing a run never scans its curves. */
    @ElementCollection
    @CollectionTable(name = "run_latest_metric", joinColumns = @JoinColumn(name = "run_id"))
    @MapKeyColumn(name = "name")
    private Map<String, MetricPoint> latestMetrics = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "run_artifact", joinColumns = @JoinColumn(name = "run_id"))
    @MapKeyColumn(name = "name")
    private Map<String, RunArtifact> artifacts = new HashMap<>();

    /**
     * Starts a run in the named experiment (created when missing) for {@code source}, e.g. a
     * pipeline run id. Idempotent: when that experiment already has a run from {@code source}, that
     * run is returned, so a redelivered event never starts a second one.
     */
    public static Run startFor(String experimentName, String source) {
        Objects.requireNonNull(source, "source");
        var experiment = Experiment.ensure(experimentName);
        return Run.<Run> find("experiment = ?1 and source = ?2", experiment, source).firstResultOptional()
                .orElseGet(() -> start(experiment, null, source, Map.of(), null));
    }

    static Run start(Experiment experiment, String name, String source, Map<String, String> tags, String createdBy) {
        var run = new Run();
        run.id = UUID.randomUUID().toString();
        run.experiment = experiment;
        run.name = name;
        run.source = source;
        run.createdBy = createdBy;
        run.status = RunStatus.RUNNING;
        run.startTime = Instant.now();
        tags.forEach(run::setTag);
        run.persist();
        return run;
    }

    /**
     * Records params; values are stored as strings ({@code String.valueOf}), null values mean "not
     * given" and are skipped. Setting a key again to the same value does nothing, so replays are harmless.
     *
     * @throws ConflictException {@code param-conflict} if a key already holds a different value
     *         (nothing is recorded then), or {@code run-finished} if new params come after the end
     */
    public void logParams(Map<String, ?> values) {
        var fresh = new HashMap<String, String>();
        var conflicts = new ArrayList<String>();
        values.forEach((key, raw) -> {
            requireKey("param", key);
            if (raw == null) {
                return;
            }
            var value = String.valueOf(raw);
            requireValueLength("param", key, value);
            var existing = params.get(key);
            if (existing == null) {
                fresh.put(key, value);
            } else if (!existing.equals(value)) {
                conflicts.add(key);
            }
        });
        if (!conflicts.isEmpty()) {
            throw new ConflictException("param-conflict", "Run " + id + " already has different values for "
                    + conflicts.stream().sorted().toList() + "; params are immutable once set");
        }
        if (!fresh.isEmpty()) {
            requireRunning("log params to");
            params.putAll(fresh);
        }
    }

    /**
     * Appends a point, timestamped now, to a metric's history. JSON cannot carry NaN or
     * infinities, so they are refused ({@code metric-not-finite}).
     *
     * @throws ConflictException {@code run-finished} after the run ended
     */
    public void logMetric(String key, double value, long step) {
        logMetric(key, new MetricPoint(value, step, Instant.now()));
    }

    void logMetric(String key, MetricPoint point) {
        requireRunning("log metrics to");
        requireKey("metric", key);
        if (!Double.isFinite(point.value())) {
            throw new InvalidRequestException("metric-not-finite", "Metric '" + key + "' must be a finite number",
                    List.of(new FieldError(key, "NaN and infinite values cannot be stored")));
        }
        RunMetric.of(id, key, point).persist();
        latestMetrics.merge(key, point, MetricPoint::newest);
    }

    /** Sets or replaces a tag; allowed on finished runs too. */
    public void setTag(String key, String value) {
        requireKey("tag", key);
        requireValueLength("tag", key, Objects.requireNonNull(value, "value"));
        tags.put(key, value);
    }

    /**
     * Ends the run. Ending it again with the same status does nothing (replays are harmless).
     *
     * @throws InvalidRequestException {@code invalid-run-status} for RUNNING
     * @throws ConflictException {@code run-already-finished} if it already ended otherwise
     */
    public void finish(RunStatus outcome) {
        if (!outcome.isTerminal()) {
            throw new InvalidRequestException("invalid-run-status", "A run ends as FINISHED, FAILED or KILLED, not "
                    + outcome, List.of(new FieldError("status", "must be FINISHED, FAILED or KILLED")));
        }
        if (status == outcome) {
            return;
        }
        if (status.isTerminal()) {
            throw new ConflictException("run-already-finished", "Run " + id + " already ended as " + status);
        }
        status = outcome;
        endTime = Instant.now();
    }

    /**
     * Names an artifact already in the store. The same name with the same bytes again does nothing.
     *
     * @return true if the name is new
     * @throws ConflictException {@code artifact-exists} if the name holds other bytes
     */
    boolean attachArtifact(String name, RunArtifact artifact) {
        var existing = artifacts.get(name);
        if (existing != null) {
            if (existing.sha256().equals(artifact.sha256())) {
                return false;
            }
            throw new ConflictException("artifact-exists", "Run " + id + " already has an artifact named '" + name
                    + "' with other content; artifacts cannot be replaced");
        }
        requireRunning("add artifacts to");
        artifacts.put(name, artifact);
        return true;
    }

    public Map<String, String> params() {
        return Collections.unmodifiableMap(params);
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    /** The newest point of each metric (see {@link MetricPoint#newest}). */
    public Map<String, MetricPoint> latestMetrics() {
        return Collections.unmodifiableMap(latestMetrics);
    }

    public Map<String, RunArtifact> artifacts() {
        return Collections.unmodifiableMap(artifacts);
    }

    static Run require(String id) {
        return Run.<Run> findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /** For writes: concurrent writers to one run queue up instead of racing on its maps. */
    static Run requireForUpdate(String id) {
        return Run.<Run> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> notFound(id));
    }

    /** Newest first; the id breaks ties so pages never overlap. */
    static List<Run> pageOf(Experiment experiment, int page, int size) {
        return Run.<Run> find("experiment = ?1 order by startTime desc, id", experiment).page(Page.of(page, size))
                .list();
    }

    static long countIn(Experiment experiment) {
        return count("experiment", experiment);
    }

    void requireRunning(String action) {
        if (status.isTerminal()) {
            throw new ConflictException("run-finished", "Cannot " + action + " run " + id + ": it ended as " + status
                    + "; only tags can change after a run ends");
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No run with id '" + id + "'");
    }

    private static void requireKey(String kind, String key) {
        if (key == null || !key.matches(KEY_PATTERN)) {
            throw new InvalidRequestException("invalid-" + kind + "-key", "Invalid " + kind + " key '" + key + "'",
                    List.of(new FieldError(String.valueOf(key),
                            "keys are 1-250 characters of letters, digits, '_', '-', '.' and '/'")));
        }
    }

    private static void requireValueLength(String kind, String key, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidRequestException("value-too-long", "The value of " + kind + " '" + key + "' is too long",
                    List.of(new FieldError(key, "at most " + MAX_VALUE_LENGTH + " characters")));
        }
    }
}
