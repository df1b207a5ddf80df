package dev.cairn.api.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One page of the runs table, with what the template needs to draw headers, cells and the pager. */
public record RunsTable(RunFilter filter, List<Row> rows, List<String> metricKeys, long total, List<Header> headers,
        List<Header> metricHeaders, String previous, String next, long took) {

    public record Row(String id, String experiment, String name, String status, String createdBy, Instant start,
            String duration, String source, Map<String, String> metrics) {
        public String shortId() {
            return id.substring(0, 8);
        }

        /** The metric values in the order of the table's metric columns. */
        public List<String> cells(List<String> keys) {
            return keys.stream().map(k -> metrics.getOrDefault(k, "")).toList();
        }
    }

    /** A column header that sorts the table: the link, and an arrow when it is the sorted column. */
    public record Header(String label, String url, String arrow) {
    }

    public long firstRow() {
        return total == 0 ? 0 : (long) filter.page() * filter.size() + 1;
    }

    public long lastRow() {
        return Math.min(total, (long) (filter.page() + 1) * filter.size());
    }

    /** A row with its metric cells in column order, for the template (which calls no methods with arguments). */
    public record Line(Row row, List<String> cells) {
    }

    public List<Line> lines() {
        return rows.stream().map(r -> new Line(r, r.cells(metricKeys))).toList();
    }
}
