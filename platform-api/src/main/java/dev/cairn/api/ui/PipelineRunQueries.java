package dev.cairn.api.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Pipeline runs for the pages: the recent list and the live snapshot of one run. */
@ApplicationScoped
class PipelineRunQueries {
    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> PARAMS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> LOG = new TypeReference<>() {
    };
    private final AgroalDataSource db;
    private final ObjectMapper json;

    PipelineRunQueries(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public record PipelineRunRow(String id, String pipeline, String state, String dataset, String model,
            String createdBy, Instant createdAt, String took) {
        public String shortId() {
            return id.substring(0, 8);
        }
    }

    List<PipelineRunRow> recent(int limit) {
        var sql = """
                select id, pipeline, state, dataset_name || '@' || dataset_version, model_name, model_version,
                       created_by, created_at, started_at, finished_at
                from pipeline_run order by created_at desc, id limit ?""";
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            var rows = new ArrayList<PipelineRunRow>();
            try (var r = statement.executeQuery()) {
                while (r.next()) {
                    String model = r.getString(5) == null ? null : r.getString(5) + " v" + r.getInt(6);
                    rows.add(new PipelineRunRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), model,
                            r.getString(7), instant(r.getTimestamp(8)),
                            Sizes.duration(instant(r.getTimestamp(9)), instant(r.getTimestamp(10)))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list pipeline runs", e);
        }
    }

    Optional<RunSnapshot> snapshot(String id) {
        try (var connection = db.getConnection()) {
            return snapshot(connection, id);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pipeline run " + id, e);
        }
    }

    private Optional<RunSnapshot> snapshot(Connection connection, String id) throws SQLException {
        var sql = """
                select pipeline, state, reason, dataset_name || '@' || dataset_version, created_by, created_at,
                       tracking_run_id, model_name, model_version
                from pipeline_run where id = ?""";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (var r = statement.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                var model = r.getString(8) == null ? null : new RunSnapshot.ModelRef(r.getString(8), r.getInt(9));
                String trackingRun = r.getString(7);
                return Optional.of(new RunSnapshot(id, r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), String.valueOf(instant(r.getTimestamp(6))), trackingRun, model,
                        steps(connection, id), curves(connection, trackingRun), search(connection, id),
                        TERMINAL.contains(r.getString(2))));
            }
        }
    }

    private List<RunSnapshot.StepSnapshot> steps(Connection connection, String id) throws SQLException {
        var sql = "select step, state, reason, metrics::text, worker, started_at, finished_at, "
                + "(report -> 'log')::text from step_run where run_id = ? order by position";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            var steps = new ArrayList<RunSnapshot.StepSnapshot>();
            try (var r = statement.executeQuery()) {
                while (r.next()) {
                    steps.add(new RunSnapshot.StepSnapshot(r.getString(1), r.getString(2), r.getString(3),
                            metrics(r.getString(4)), r.getString(5),
                            Sizes.duration(instant(r.getTimestamp(6)), instant(r.getTimestamp(7))),
                            log(r.getString(8))));
                }
            }
            return steps;
        }
    }

    /** The search's trials, or null for a run without a search. */
    private RunSnapshot.SearchSnapshot search(Connection connection, String id) throws SQLException {
        String objective;
        try (var statement = connection.prepareStatement(
                "select spec -> 'steps' -> 'train' -> 'search' ->> 'objective' from pipeline_run where id = ?")) {
            statement.setString(1, id);
            try (var r = statement.executeQuery()) {
                objective = r.next() ? r.getString(1) : null;
            }
        }
        if (objective == null) {
            return null;
        }
        var key = "validation_" + objective;
        var sql = "select number, config, rung, params::text, state, metrics::text, score, worker, started_at, "
                + "finished_at from search_trial where run_id = ? order by number";
        var trials = new ArrayList<RunSnapshot.TrialPoint>();
        var params = new java.util.LinkedHashSet<String>();
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (var r = statement.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> values = params(r.getString(4));
                    params.addAll(values.keySet());
                    Double score = r.getObject(7) == null ? null : r.getDouble(7);
                    trials.add(new RunSnapshot.TrialPoint(r.getInt(1), r.getInt(2), r.getInt(3), values,
                            r.getString(5), metrics(r.getString(6)).get(key), score, r.getString(8),
                            Sizes.duration(instant(r.getTimestamp(9)), instant(r.getTimestamp(10)))));
                }
            }
        }
        return new RunSnapshot.SearchSnapshot(key, List.copyOf(params), trials);
    }

    private List<String> log(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, LOG);
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private Map<String, Object> params(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, PARAMS);
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    /** The tracking run's full metric histories, as the workers' results are logged. */
    static Map<String, List<double[]>> curves(Connection connection, String trackingRunId) throws SQLException {
        var curves = new LinkedHashMap<String, List<double[]>>();
        if (trackingRunId == null) {
            return curves;
        }
        var sql = "select name, step, value from run_metric where run_id = ? order by name, step, logged_at";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, trackingRunId);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    curves.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new double[] { r.getLong(2), r.getDouble(3) });
                }
            }
        }
        return curves;
    }

    private Map<String, Double> metrics(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, METRICS);
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
