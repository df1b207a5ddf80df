package dev.cairn.api.ui;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The runs table, across experiments: filtered, sorted and paged in SQL, so a page costs the same with 100 runs or
 * 100,000 (only its rows and their metrics are read). Metric columns are the metrics the page's runs have.
 */
@ApplicationScoped
class RunQueries {
    /** More columns than this make the table unreadable; the compare view shows every metric. */
    static final int MAX_METRIC_COLUMNS = 8;
    private final AgroalDataSource db;

    RunQueries(AgroalDataSource db) {
        this.db = db;
    }

    /** The rows of one page and the total; the caller builds the links. */
    record Result(List<RunsTable.Row> rows, List<String> metricKeys, long total) {
    }

    Result page(RunFilter filter) {
        var where = new StringBuilder(" where true");
        var arguments = new ArrayList<Object>();
        filter.sortMetric().ifPresent(arguments::add); // the join's placeholder comes first
        if (filter.experiment() != null) {
            where.append(" and e.name = ?");
            arguments.add(filter.experiment());
        }
        if (filter.status() != null) {
            where.append(" and r.status = ?");
            arguments.add(filter.status());
        }
        if (filter.q() != null) {
            where.append(" and (lower(coalesce(r.name, '')) like ? or r.id like ? or lower(coalesce(r.source, '')) like ?"
                    + " or lower(coalesce(r.created_by, '')) like ?)");
            String like = filter.likePattern();
            arguments.addAll(List.of(like, like, like, like));
        }
        filter.condition().ifPresent(c -> {
            where.append(" and exists (select 1 from run_latest_metric f where f.run_id = r.id and f.name = ? and f.value ")
                    .append(c.operator()).append(" ?)");
            arguments.add(c.metric());
            arguments.add(c.value());
        });
        String from = " from experiment_run r join experiment e on e.id = r.experiment_id"
                + filter.sortMetric().map(k -> " left join run_latest_metric m on m.run_id = r.id and m.name = ?")
                        .orElse("");
        String direction = filter.ascending() ? "asc" : "desc";
        String sql = "select r.id, e.name, r.name, r.status, r.created_by, r.start_time, r.end_time, r.source" + from
                + where + " order by " + filter.sortColumn() + " " + direction + " nulls last, r.id " + direction
                + " limit ? offset ?";
        try (var connection = db.getConnection()) {
            var rows = rows(connection, sql, arguments, filter);
            long total = count(connection, "select count(*)" + from + where, arguments);
            var keys = metricKeys(rows);
            return new Result(rows, keys, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list runs", e);
        }
    }

    List<String> experiments() {
        try (var connection = db.getConnection();
                var statement = connection.prepareStatement("select name from experiment order by name");
                var result = statement.executeQuery()) {
            var names = new ArrayList<String>();
            while (result.next()) {
                names.add(result.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list experiments", e);
        }
    }

    private List<RunsTable.Row> rows(Connection connection, String sql, List<Object> arguments, RunFilter filter)
            throws SQLException {
        var bare = new ArrayList<RunsTable.Row>();
        try (var statement = connection.prepareStatement(sql)) {
            int next = bind(statement, arguments);
            statement.setInt(next, filter.size());
            statement.setLong(next + 1, (long) filter.page() * filter.size());
            try (var r = statement.executeQuery()) {
                while (r.next()) {
                    var start = r.getTimestamp(6).toInstant();
                    var end = r.getTimestamp(7) == null ? null : r.getTimestamp(7).toInstant();
                    bare.add(new RunsTable.Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), start, Sizes.duration(start, end), r.getString(8), new HashMap<>()));
                }
            }
        }
        fillMetrics(connection, bare);
        return bare;
    }

    private static void fillMetrics(Connection connection, List<RunsTable.Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        var byId = new HashMap<String, Map<String, String>>();
        rows.forEach(row -> byId.put(row.id(), row.metrics()));
        try (var statement = connection.prepareStatement(
                "select run_id, name, value from run_latest_metric where run_id = any (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", byId.keySet().toArray()));
            try (var r = statement.executeQuery()) {
                while (r.next()) {
                    byId.get(r.getString(1)).put(r.getString(2), format(r.getDouble(3)));
                }
            }
        }
    }

    /** The page's metric names, evaluation metrics (no step prefix such as {@code train.}) first. */
    private static List<String> metricKeys(List<RunsTable.Row> rows) {
        var keys = new TreeSet<String>((a, b) -> {
            int prefixed = Boolean.compare(a.contains("."), b.contains("."));
            return prefixed != 0 ? prefixed : a.compareTo(b);
        });
        rows.forEach(row -> keys.addAll(row.metrics().keySet()));
        return keys.stream().limit(MAX_METRIC_COLUMNS).toList();
    }

    private static long count(Connection connection, String sql, List<Object> arguments) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            bind(statement, arguments);
            try (var r = statement.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static int bind(PreparedStatement statement, List<Object> arguments) throws SQLException {
        int index = 1;
        for (var argument : arguments) {
            statement.setObject(index++, argument);
        }
        return index;
    }

    static String format(double value) {
        return Math.abs(value) >= 1000 || value == Math.rint(value) && Math.abs(value) < 1e6
                ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.4f", value);
    }
}
