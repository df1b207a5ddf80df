package dev.cairn.store.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void writesTheHeaderFirstWithLineFeedsAndQuotesOnlyWhereNeeded() throws IOException {
        // Given
        var out = new ByteArrayOutputStream();
        // When
        try (var writer = CsvWriter.open(out, List.of("name", "note"))) {
            writer.write("plain", "a, b");
            writer.write("say \"hi\"", null);
        }
        // Then
        assertThat(out.toString(UTF_8)).isEqualTo("name,note\nplain,\"a, b\"\n\"say \"\"hi\"\"\",\n");
    }

    @Test
    void writesCellsThatReadBackUnchanged() throws IOException {
        // Given
        List<String> tricky = List.of("a,b", "\"quoted\"", "two\nlines", "crlf\r\nend", " leading", "trailing ", "",
                "Zürich ✓", "#hash", "NA");
        var out = new ByteArrayOutputStream();
        try (var writer = CsvWriter.open(out, List.of("value", "n"))) {
            for (int i = 0; i < tricky.size(); i++) {
                writer.write(tricky.get(i), String.valueOf(i));
            }
        }
        // When
        List<String> read = new ArrayList<>();
        try (var rows = CsvRows.open(new ByteArrayInputStream(out.toByteArray()))) {
            rows.forEachRemaining(row -> read.add(row[0]));
        }
        // Then
        assertThat(read).containsExactlyElementsOf(tricky);
    }

    @Test
    void refusesARowOfAnotherWidth() throws IOException {
        // Given
        var writer = CsvWriter.open(new ByteArrayOutputStream(), List.of("a", "b"));
        // When
        Throwable thrown = catchThrowable(() -> writer.write("only one"));
        // Then
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("a row has 1 cells, the header has 2");
    }
}
