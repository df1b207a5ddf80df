package dev.cairn.api.ui;

import dev.cairn.api.datasets.DatasetVersion;
import dev.cairn.contracts.ColumnSchema;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the dataset pages list, read in one query each. */
@ApplicationScoped
class DatasetQueries {
    private final AgroalDataSource db;

    DatasetQueries(AgroalDataSource db) {
        this.db = db;
    }

    public record DatasetRow(String name, int version, long rows, long sizeBytes, int columns, String createdBy,
            Instant createdAt) {
        public String size() {
            return Sizes.bytes(sizeBytes);
        }
    }

    List<DatasetRow> datasets() {
        return list("""
                select distinct on (name) name, version, rows, size_bytes, jsonb_array_length(schema -> 'columns'),
                       created_by, created_at
                from dataset_version order by name, version desc""", null);
    }

    List<DatasetRow> datasetVersions(String name) {
        return list("""
                select name, version, rows, size_bytes, jsonb_array_length(schema -> 'columns'), created_by, created_at
                from dataset_version where name = ? order by version desc""", name);
    }

    /** The columns of {@code name} (latest) or {@code name@version}; none when there is no such dataset. */
    List<String> columns(String reference) {
        if (reference == null || reference.isBlank()) {
            return List.of();
        }
        return DatasetVersion.resolve(reference)
                .map(v -> v.schema.columns().stream().map(ColumnSchema::name).toList()).orElse(List.of());
    }

    private List<DatasetRow> list(String sql, String name) {
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(sql)) {
            if (name != null) {
                statement.setString(1, name);
            }
            var rows = new ArrayList<DatasetRow>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new DatasetRow(result.getString(1), result.getInt(2), result.getLong(3), result.getLong(4),
                            result.getInt(5), result.getString(6), result.getTimestamp(7).toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list datasets", e);
        }
    }
}
