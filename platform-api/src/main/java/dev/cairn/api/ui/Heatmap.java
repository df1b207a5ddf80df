package dev.cairn.api.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A confusion matrix drawn as a heatmap: rows are the actual classes, columns the predicted ones, and each cell's
 * shade is its share of the row (the class's recall on the diagonal), so a rare class is as readable as a common one.
 */
public record Heatmap(List<String> labels, List<HeatRow> rows) {

    public record HeatRow(String label, List<Cell> cells, long total) {
    }

    /** @param style the cell's background, and a light text colour on dark shades */
    public record Cell(long count, String style, String share) {
    }

    /** From the evaluate step's report ({@code confusion_matrix: {labels, matrix}}), if it has one. */
    @SuppressWarnings("unchecked")
    static Optional<Heatmap> of(Map<String, Object> report) {
        if (!(report.get("confusion_matrix") instanceof Map<?, ?> matrix)
                || !(matrix.get("labels") instanceof List<?> labels) || !(matrix.get("matrix") instanceof List<?> rows)
                || rows.size() != labels.size()) {
            return Optional.empty();
        }
        var heatRows = new ArrayList<HeatRow>();
        for (int i = 0; i < rows.size(); i++) {
            var counts = ((List<Number>) rows.get(i)).stream().mapToLong(Number::longValue).toArray();
            long total = java.util.Arrays.stream(counts).sum();
            var cells = new ArrayList<Cell>();
            for (long count : counts) {
                double share = total == 0 ? 0 : (double) count / total;
                String text = share > 0.55 ? "#fff" : "#1d2433";
                cells.add(new Cell(count, String.format(Locale.ROOT, "background: rgba(47,111,222,%.3f); color: %s",
                        share, text), String.format(Locale.ROOT, "%.0f%%", share * 100)));
            }
            heatRows.add(new HeatRow(String.valueOf(labels.get(i)), cells, total));
        }
        return Optional.of(new Heatmap(labels.stream().map(String::valueOf).toList(), heatRows));
    }
}
