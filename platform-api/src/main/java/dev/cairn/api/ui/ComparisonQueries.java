package dev.cairn.api.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads what the compare view shows of a few runs: their params, latest metrics and whole metric histories. */
@ApplicationScoped
class ComparisonQueries {
    /** Side by side stops being readable beyond this; the table's checkboxes allow no more. */
    static final int MAX_RUNS = 10;
    private final AgroalDataSource db;
    private final ObjectMapper json;

    ComparisonQueries(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    Comparison compare(List<String> ids) {
        var wanted = ids.stream().distinct().limit(MAX_RUNS).toList();
        try (var connection = db.getConnection()) {
            var runs = runs(connection, wanted);
            var found = runs.stream().map(RunsTable.Row::id).toList();
            var params = values(connection, "select run_id, name, value from run_param where run_id = any (?)", found);
            var metrics = values(connection, "select run_id, name, value from run_latest_metric where run_id = any (?)",
                    found);
            var curves = new TreeMap<String, Map<String, List<double[]>>>();
            for (var run : runs) {
                PipelineRunQueries.curves(connection, run.id()).forEach((key, points) -> curves
                        .computeIfAbsent(key, k -> new LinkedHashMap<>()).put(run.shortId(), points));
            }
            var chart = Map.of("runs", runs.stream().map(RunsTable.Row::shortId).toList(), "curves", curves);
            return new Comparison(runs, lines(params, found), lines(metrics, found), scriptSafe(json.writeValueAsString(chart)));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not compare runs " + wanted, e);
        }
    }

    private static List<RunsTable.Row> runs(Connection connection, List<String> ids) throws SQLException {
        var sql = "select r.id, e.name, r.name, r.status, r.created_by, r.start_time, r.end_time, r.source "
                + "from experiment_run r join experiment e on e.id = r.experiment_id where r.id = any (?)";
        var byId = new LinkedHashMap<String, RunsTable.Row>();
        try (var statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (var r = statement.executeQuery()) {
                while (r.next()) {
                    var start = r.getTimestamp(6).toInstant();
                    var end = r.getTimestamp(7) == null ? null : r.getTimestamp(7).toInstant();
                    byId.put(r.getString(1), new RunsTable.Row(r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5), start, Sizes.duration(start, end), r.getString(8), Map.of()));
                }
            }
        }
        return ids.stream().filter(byId::containsKey).map(byId::get).toList(); // in the order the user picked them
    }

    /** key -> run id -> value, as text (params are text; metrics are formatted as in the table). */
    private static Map<String, Map<String, String>> values(Connection connection, String sql, List<String> ids)
            throws SQLException {
        var values = new TreeMap<String, Map<String, String>>();
        try (var statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (var r = statement.executeQuery()) {
                while (r.next()) {
                    Object value = r.getObject(3);
                    String text = value instanceof Number n ? RunQueries.format(n.doubleValue()) : String.valueOf(value);
                    values.computeIfAbsent(r.getString(2), k -> new LinkedHashMap<>()).put(r.getString(1), text);
                }
            }
        }
        return values;
    }

    private static List<Comparison.Line> lines(Map<String, Map<String, String>> values, List<String> ids) {
        var lines = new ArrayList<Comparison.Line>();
        values.forEach((key, byRun) -> {
            var row = ids.stream().map(id -> byRun.getOrDefault(id, "")).toList();
            lines.add(new Comparison.Line(key, row, new HashSet<>(row).size() > 1));
        });
        return lines;
    }

    /** JSON placed in a script element must not be able to close it. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

}
