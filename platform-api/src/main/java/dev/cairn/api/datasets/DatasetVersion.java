package dev.cairn.api.datasets;

import dev.cairn.contracts.DatasetRef;
import dev.cairn.contracts.DatasetSchema;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable upload of a named dataset. Versions count up from 1 per name; the bytes live in the artifact store. */
@Entity
@Table(name = "dataset_version")
public class DatasetVersion extends PanacheEntity {
    /** Names become parts of URLs and file names elsewhere, so they stay boring. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public String name;
    public int version;
    public String sha256;
    public long sizeBytes;
    public long rows;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public DatasetSchema schema;
    public String createdBy;
    public Instant createdAt;

    static DatasetVersion next(String name, String sha256, long sizeBytes, DatasetSchema schema, String createdBy) {
        var dataset = new DatasetVersion();
        dataset.name = name;
        dataset.version = latest(name).map(v -> v.version + 1).orElse(1);
        dataset.sha256 = sha256;
        dataset.sizeBytes = sizeBytes;
        dataset.rows = schema.rows();
        dataset.schema = schema;
        dataset.createdBy = createdBy;
        dataset.createdAt = Instant.now();
        return dataset;
    }

    public DatasetRef ref() {
        return new DatasetRef(name, version, sha256, schema);
    }

    public static Optional<DatasetVersion> latest(String name) {
        return find("name = ?1 order by version desc", name).firstResultOptional();
    }

    public static Optional<DatasetVersion> of(String name, int version) {
        return find("name = ?1 and version = ?2", name, version).firstResultOptional();
    }

    /** Resolves {@code name} (latest version) or {@code name@version}. */
    public static Optional<DatasetVersion> resolve(String reference) {
        int at = reference.lastIndexOf('@');
        if (at < 0) {
            return latest(reference);
        }
        try {
            return of(reference.substring(0, at), Integer.parseInt(reference.substring(at + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<DatasetVersion> withContent(String name, String sha256) {
        return find("name = ?1 and sha256 = ?2", name, sha256).firstResultOptional();
    }

    static List<DatasetVersion> versionsOf(String name) {
        return list("name = ?1 order by version desc", name);
    }

    static List<DatasetVersion> latestOfEach() {
        return list("from DatasetVersion d where d.version = "
                + "(select max(v.version) from DatasetVersion v where v.name = d.name) order by d.name");
    }
}
