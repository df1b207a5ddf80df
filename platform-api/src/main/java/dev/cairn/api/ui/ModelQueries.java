package dev.cairn.api.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registry as the pages show it: models, versions with metrics and aliases, one version's evaluation. */
@ApplicationScoped
class ModelQueries {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private final AgroalDataSource db;
    private final ObjectMapper json;

    ModelQueries(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public record ModelRow(String name, int versions, String aliases, Instant createdAt) {
    }

    /** A version with what the pages show of it; {@code lineage} and {@code evaluation} as stored (JSON objects). */
    public record VersionRow(String model, int version, Map<String, Double> metrics, List<String> aliases,
            Instant createdAt, String pipelineRunId, Map<String, Object> lineage, List<String> labels,
            String manifestSha256) {
        /** The version registered before this one; lineage records no other parent yet. */
        public Integer parent() {
            return version > 1 ? version - 1 : null;
        }

        /** The metrics by name, values written as the tables write them. */
        public List<Map.Entry<String, String>> metricList() {
            var list = new ArrayList<Map.Entry<String, String>>();
            new TreeMap<>(metrics).forEach((k, v) -> list.add(Map.entry(k, RunQueries.format(v))));
            return list;
        }

        public String metricText() {
            var text = new StringBuilder();
            new TreeMap<>(metrics).forEach((k, v) -> text.append(text.isEmpty() ? "" : " · ").append(k).append(' ')
                    .append(RunQueries.format(v)));
            return text.toString();
        }
    }

    List<ModelRow> models() {
        var sql = """
                select m.name, count(v.id), coalesce((select string_agg(a.name || '→v' || av.version, ', ' order by a.name)
                       from model_alias a join model_version av on av.id = a.version_id where a.model_id = m.id), ''),
                       m.created_at
                from registered_model m left join model_version v on v.model_id = m.id
                group by m.id order by m.name""";
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(sql);
                var r = statement.executeQuery()) {
            var rows = new ArrayList<ModelRow>();
            while (r.next()) {
                rows.add(new ModelRow(r.getString(1), r.getInt(2), r.getString(3), r.getTimestamp(4).toInstant()));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list models", e);
        }
    }

    List<VersionRow> versions(String model) {
        return query(" where m.name = ? order by v.version desc", model, null);
    }

    Optional<VersionRow> version(String model, int version) {
        return query(" where m.name = ? and v.version = ?", model, version).stream().findFirst();
    }

    /** The evaluate step's report of the pipeline run that produced a version (confusion matrix, gate, ...). */
    Map<String, Object> evaluation(String pipelineRunId) {
        if (pipelineRunId == null) {
            return Map.of();
        }
        var sql = "select report::text from step_run where run_id = ? and step = 'EVALUATE'";
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, pipelineRunId);
            try (var r = statement.executeQuery()) {
                return r.next() ? object(r.getString(1)) : Map.of();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the evaluation of " + pipelineRunId, e);
        }
    }

    private List<VersionRow> query(String where, String model, Integer version) {
        var sql = """
                select m.name, v.version, v.metrics::text, coalesce((select array_agg(a.name order by a.name)
                       from model_alias a where a.version_id = v.id), '{}'), v.created_at, v.source_run_id,
                       v.lineage::text, v.labels::text, v.manifest_sha256
                from model_version v join registered_model m on m.id = v.model_id""" + where;
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, model);
            if (version != null) {
                statement.setInt(2, version);
            }
            var rows = new ArrayList<VersionRow>();
            try (var r = statement.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not read the versions of " + model, e);
        }
    }

    /** metric -> [[version, value], ...], oldest first, as JSON for the metrics-by-version chart. */
    String metricsByVersion(List<VersionRow> versions) {
        var byMetric = new TreeMap<String, List<double[]>>();
        versions.reversed().forEach(v -> v.metrics().forEach((key, value) -> byMetric
                .computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] { v.version(), value })));
        try {
            return ComparisonQueries.scriptSafe(json.writeValueAsString(byMetric));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private VersionRow row(ResultSet r) throws SQLException, IOException {
        var metrics = new LinkedHashMap<String, Double>();
        object(r.getString(3)).forEach((k, v) -> {
            if (v instanceof Number n) {
                metrics.put(k, n.doubleValue());
            }
        });
        var aliases = Arrays.asList((String[]) r.getArray(4).getArray());
        List<String> labels = r.getString(8) == null ? List.of() : json.readValue(r.getString(8), new TypeReference<>() {
        });
        return new VersionRow(r.getString(1), r.getInt(2), metrics, aliases, r.getTimestamp(5).toInstant(),
                r.getString(6), object(r.getString(7)), labels, r.getString(9));
    }

    private Map<String, Object> object(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, OBJECT);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
