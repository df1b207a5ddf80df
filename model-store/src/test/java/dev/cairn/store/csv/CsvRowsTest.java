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

class CsvRowsTest {

    @Test
    void readsTheHeaderAndEachRow() throws IOException {
        // Given
        String csv = "a,b,c\n1,2,3\n4,5,6\n";
        // When
        Read read = readAll(csv);
        // Then
        assertThat(read.header).containsExactly("a", "b", "c");
        assertThat(read.rows).containsExactly(new String[] {"1", "2", "3"}, new String[] {"4", "5", "6"});
    }

    @Test
    void dropsAByteOrderMarkAndAcceptsCrlfAndLf() throws IOException {
        // Given
        String csv = "\uFEFFid,name\r\n1,x\r\n2,y\n3,z";
        // When
        Read read = readAll(csv);
        // Then
        assertThat(read.header).containsExactly("id", "name");
        assertThat(read.rows).containsExactly(new String[] {"1", "x"}, new String[] {"2", "y"},
                new String[] {"3", "z"});
    }

    @Test
    void keepsQuotedCommasQuotesLineBreaksAndSpacesVerbatim() throws IOException {
        // Given
        String csv = "note,n\n\"a, b\",1\n\"say \"\"hi\"\"\",2\n\"two\r\nlines\",3\n\"  padded  \",4\n";
        // When
        Read read = readAll(csv);
        // Then
        assertThat(read.rows).extracting(row -> row[0])
                .containsExactly("a, b", "say \"hi\"", "two\r\nlines", "  padded  ");
    }

    @Test
    void dropsSpacesAroundUnquotedFieldsAndSkipsBlankLines() throws IOException {
        // Given
        String csv = "age, workclass\n39, State-gov\n\n50, \"Self emp\"\n\n";
        // When
        Read read = readAll(csv);
        // Then
        assertThat(read.header).containsExactly("age", "workclass");
        assertThat(read.rows).containsExactly(new String[] {"39", "State-gov"}, new String[] {"50", "Self emp"});
    }

    @Test
    void numbersRowsFromOneAfterTheHeader() throws IOException {
        // Given
        List<Long> numbers = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(bytes("a\nx\ny\n"))) {
            // When
            while (rows.hasNext()) {
                rows.next();
                numbers.add(rows.recordNumber());
            }
        }
        // Then
        assertThat(numbers).containsExactly(1L, 2L);
    }

    @Test
    void decodesACharacterSplitAcrossReadBuffers() throws IOException {
        // Given: 'ü' is two bytes, at offsets 8191 and 8192, either side of the first read buffer's end
        String csv = "city\n" + "a".repeat(8192 - 5 - 1) + "ü\nZürich\n";
        // When
        Read read = readAll(csv);
        // Then
        assertThat(read.rows).extracting(row -> row[0]).containsExactly("a".repeat(8186) + "ü", "Zürich");
    }

    @Test
    void readsAFileWithOnlyAHeaderAsNoRows() throws IOException {
        // Given
        String csv = "a,b\n";
        // When
        Read read = readAll(csv);
        // Then
        assertThat(read.header).containsExactly("a", "b");
        assertThat(read.rows).isEmpty();
    }

    @Test
    void mapsARowByColumnName() throws IOException {
        // Given
        try (CsvRows rows = CsvRows.open(bytes("a,b\n1,2\n"))) {
            // When
            var map = rows.asMap(rows.next());
            // Then
            assertThat(map).containsExactly(entry("a", "1"), entry("b", "2"));
        }
    }

    @Test
    void refusesAnEmptyFile() {
        // When
        Throwable thrown = catchThrowable(() -> readAll("\uFEFF"));
        // Then
        assertThat(thrown).isInstanceOf(CsvFormatException.class).hasMessageContaining("the file is empty");
    }

    @Test
    void namesTheLineOfBytesThatAreNotUtf8() {
        // Given: Latin-1 "Zürich" on line 1002, far past the first read buffer
        var out = new ByteArrayOutputStream();
        out.writeBytes("city,n\n".getBytes(UTF_8));
        for (int i = 0; i < 1000; i++) {
            out.writeBytes(("Bern," + i + "\n").getBytes(UTF_8));
        }
        out.writeBytes(new byte[] {'Z', (byte) 0xFC, 'r', 'i', 'c', 'h', ',', '1', '\n'});
        out.writeBytes("Genf,2\n".getBytes(UTF_8));
        // When
        Throwable thrown = catchThrowable(() -> readAll(out.toByteArray()));
        // Then
        assertThat(thrown).isInstanceOf(CsvFormatException.class).hasMessageStartingWith("not valid UTF-8 near line 1002");
    }

    @Test
    void namesTheLineOfAHeaderThatIsNotUtf8() {
        // Given
        byte[] latin1 = {'n', 'a', 'm', (byte) 0xE9, '\n', 'x', '\n'};
        // When
        Throwable thrown = catchThrowable(() -> readAll(latin1));
        // Then
        assertThat(thrown).isInstanceOf(CsvFormatException.class).hasMessageStartingWith("not valid UTF-8 near line 1");
    }

    @Test
    void namesRepeatedColumnNames() {
        // When
        Throwable thrown = catchThrowable(() -> readAll("a,b,a,c,b\n1,2,3,4,5\n"));
        // Then
        assertThat(thrown).isInstanceOf(CsvFormatException.class)
                .hasMessage("the header repeats column names: 'a', 'b'");
    }

    @Test
    void namesBlankColumnNames() {
        // When
        Throwable thrown = catchThrowable(() -> readAll("a,,b,\" \"\n1,2,3,4\n"));
        // Then
        assertThat(thrown).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("blank column names at column 2, 4");
    }

    @Test
    void namesARaggedRowAndBothWidths() {
        // When
        Throwable thrown = catchThrowable(() -> readAll("a,b,c\n1,2,3\n4,5\n6,7,8\n"));
        // Then
        assertThat(thrown).isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("row 2 has 2 fields, the header has 3");
    }

    @Test
    void refusesAnUnterminatedQuote() {
        // When
        Throwable thrown = catchThrowable(() -> readAll("a,b\n1,2\n\"3,4\n5,6\n"));
        // Then
        assertThat(thrown).isInstanceOf(CsvFormatException.class).hasMessageStartingWith("malformed CSV near line");
    }

    @Test
    void refusesTextAfterAClosingQuote() {
        // When
        Throwable thrown = catchThrowable(() -> readAll("a,b\n1,2\n\"3\"x,4\n"));
        // Then
        assertThat(thrown).isInstanceOf(CsvFormatException.class).hasMessageStartingWith("malformed CSV near line 3");
    }

    private record Read(List<String> header, List<String[]> rows) {
    }

    private static Read readAll(String csv) throws IOException {
        return readAll(csv.getBytes(UTF_8));
    }

    private static Read readAll(byte[] csv) throws IOException {
        try (CsvRows rows = CsvRows.open(new ByteArrayInputStream(csv))) {
            List<String[]> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            return new Read(rows.header(), all);
        }
    }

    private static ByteArrayInputStream bytes(String csv) {
        return new ByteArrayInputStream(csv.getBytes(UTF_8));
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }
}
