package dev.cairn.api.datasets;

import dev.cairn.contracts.DatasetSchema;
import java.time.Instant;

/** What the API shows of a dataset version. */
record DatasetVersionView(String name, int version, String sha256, long sizeBytes, long rows, DatasetSchema schema,
        String createdBy, Instant createdAt) {

    static DatasetVersionView of(DatasetVersion v) {
        return new DatasetVersionView(v.name, v.version, v.sha256, v.sizeBytes, v.rows, v.schema, v.createdBy,
                v.createdAt);
    }
}
