package dev.cairn.api.ui;

import dev.cairn.store.csv.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The first rows of a dataset as stored, read with the same CSV reader as the upload checks. */
public record Preview(List<String> header, List<List<String>> rows) {
    static final int ROWS = 20;

    static Preview read(InputStream csv, int limit) throws IOException {
        try (var reader = CsvRows.open(csv)) {
            var rows = new ArrayList<List<String>>();
            while (rows.size() < limit && reader.hasNext()) {
                rows.add(List.of(reader.next()));
            }
            return new Preview(reader.header(), rows);
        }
    }
}
