package dev.cairn.monitoring;

import dev.cairn.store.csv.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flights rows of {@code src/test/resources/flights} (see the README there), by part. */
record FlightsSlice(Map<String, List<Map<String, String>>> parts) {

    static FlightsSlice read() {
        try (InputStream in = FlightsSlice.class.getResourceAsStream("/flights/flights_2001_slice.csv");
                CsvRows rows = CsvRows.open(in)) {
            var parts = new LinkedHashMap<String, List<Map<String, String>>>();
            rows.forEachRemaining(row -> {
                var cells = new LinkedHashMap<>(rows.asMap(row));
                parts.computeIfAbsent(cells.remove("part"), p -> new ArrayList<>()).add(cells);
            });
            return new FlightsSlice(parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, String>> part(String name) {
        return parts.get(name);
    }
}
