package dev.cairn.store.csv;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes a CSV file that {@link CsvRows} reads back to the same cells: UTF-8 without a byte order
 * mark, header first, LF line ends, RFC 4180 quoting only where needed (a comma, quote or line
 * break inside, or spaces at either end, which {@link CsvRows} would otherwise drop). Streams rows
 * straight to the output; closing it closes the output. Not thread-safe.
 */
public final class CsvWriter implements AutoCloseable, Flushable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator('\n')
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();

    private final CSVPrinter printer;
    private final int columns;

    private CsvWriter(CSVPrinter printer, int columns) {
        this.printer = printer;
        this.columns = columns;
    }

    /** Writes the header at once. */
    public static CsvWriter open(OutputStream out, List<String> header) throws IOException {
        var encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, encoder), 64 * 1024), FORMAT);
        var writer = new CsvWriter(printer, header.size());
        writer.write(header);
        return writer;
    }

    /** One row; null cells are written empty. */
    public void write(String... cells) throws IOException {
        write(Arrays.asList(cells));
    }

    /** One row; null cells are written empty. */
    public void write(List<String> cells) throws IOException {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("a row has " + cells.size() + " cells, the header has " + columns);
        }
        printer.printRecord(cells);
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
