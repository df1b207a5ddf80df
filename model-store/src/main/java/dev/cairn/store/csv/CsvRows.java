package dev.cairn.store.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file as users bring it, one row at a time, and says precisely why when it cannot:
 * <ul>
 * <li>strictly UTF-8, with or without a byte order mark; CRLF or LF line ends;</li>
 * <li>RFC 4180 quoting: quoted fields may hold commas, doubled quotes and line breaks, and are kept
 * verbatim; spaces around unquoted fields are dropped;</li>
 * <li>the first record is the header: non-blank, unique column names;</li>
 * <li>blank lines are skipped; every other row has exactly as many fields as the header.</li>
 * </ul>
 * Format problems throw {@link CsvFormatException}. I/O failures of the underlying stream (for
 * example a {@code CorruptArtifactException} at the end of an artifact) throw {@link IOException}
 * from {@link #open} and {@link UncheckedIOException} from {@link #next()}, as an iterator must.
 * Not thread-safe.
 */
public final class CsvRows implements Iterator<String[]>, AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long recordNumber;

    private CsvRows(CSVParser parser) throws IOException {
        this.parser = parser;
        this.records = parser.iterator();
        this.header = readHeader();
    }

    /** Reads the header at once; the stream is closed with the rows (or here, if the header is refused). */
    public static CsvRows open(InputStream in) throws IOException {
        CSVParser parser = CSVParser.builder().setReader(new StrictUtf8Reader(in)).setFormat(FORMAT).get();
        try {
            return new CsvRows(parser);
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** The column names, in file order. */
    public List<String> header() {
        return header;
    }

    /** The 1-based number of the data row last returned by {@link #next()} (the header is not counted); 0 before. */
    public long recordNumber() {
        return recordNumber;
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw translate(e);
        }
    }

    /** The next row's cells, exactly as many as the header has columns. */
    @Override
    public String[] next() {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                throw new NoSuchElementException("no more rows");
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw translate(e);
        }
        recordNumber++;
        if (record.size() != header.size()) {
            throw new CsvFormatException("row " + recordNumber + " has " + record.size() + " fields, the header has "
                    + header.size() + " (line " + parser.getCurrentLineNumber() + ")");
        }
        return record.values();
    }

    /** The row as column name → cell, in header order; convenient where rows are few or small. */
    public Map<String, String> asMap(String[] row) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            map.put(header.get(i), row[i]);
        }
        return map;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private List<String> readHeader() throws IOException {
        CSVRecord first;
        try {
            if (!records.hasNext()) {
                throw new CsvFormatException("the file is empty: a header row naming the columns is required");
            }
            first = records.next();
        } catch (UncheckedIOException e) {
            throw translate(e);
        }
        List<String> names = List.of(first.values());
        requireNamedColumns(names);
        return names;
    }

    private static void requireNamedColumns(List<String> names) {
        List<Integer> blank = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                blank.add(i + 1);
            } else if (!seen.add(name)) {
                repeated.add("'" + name + "'");
            }
        }
        if (!blank.isEmpty()) {
            throw new CsvFormatException("the header has blank column names at column " + join(blank)
                    + "; every column needs a name");
        }
        if (!repeated.isEmpty()) {
            throw new CsvFormatException("the header repeats column names: " + String.join(", ", repeated));
        }
    }

    private static String join(List<Integer> positions) {
        return String.join(", ", positions.stream().map(String::valueOf).toList());
    }

    /** Commons CSV wraps reader failures in {@link UncheckedIOException}; turn the format ones into ours. */
    private RuntimeException translate(UncheckedIOException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MalformedUtf8Exception malformed) {
            return new CsvFormatException("not valid UTF-8 near line " + malformed.line()
                    + "; save the file as UTF-8 and upload it again", malformed);
        }
        if (cause instanceof CSVException invalid) {
            return new CsvFormatException("malformed CSV near line " + parser.getCurrentLineNumber()
                    + " (a quoted field must end with a quote, then a comma or a line end): " + invalid.getMessage(),
                    invalid);
        }
        return e;
    }
}
