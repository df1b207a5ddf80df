package dev.cairn.api.datasets;

import dev.cairn.contracts.DatasetSchema;
import dev.cairn.store.csv.CsvFormatException;
import dev.cairn.store.csv.CsvRows;
import dev.cairn.store.csv.MissingTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an uploaded file once, end to end: a file that cannot be read whole is refused whole. */
final class CsvInspection {

    private CsvInspection() {
    }

    /** @param extraTokens missing-value tokens besides the empty cell, which always means missing */
    static DatasetSchema inspect(Path file, List<String> extraTokens) throws IOException {
        var tokens = new ArrayList<String>();
        tokens.add("");
        tokens.addAll(extraTokens);
        var missing = MissingTokens.of(tokens);
        try (var rows = CsvRows.open(Files.newInputStream(file))) {
            var inference = new SchemaInference(rows.header(), missing::isMissing);
            rows.forEachRemaining(inference::accept);
            var schema = inference.result(missing.tokens());
            if (schema.rows() == 0) {
                throw new InvalidDatasetException("empty-dataset", "The file has a header but no rows");
            }
            return schema;
        } catch (CsvFormatException e) {
            throw new InvalidDatasetException("malformed-csv", e.getMessage());
        }
    }
}
