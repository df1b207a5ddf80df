package dev.cairn.api.ui;

import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A data-quality summary from the counts the upload already took (missing and distinct per column), so showing it
 * never rereads the file. Each column gets the findings a data scientist would act on before training.
 */
public record DataQuality(long rows, int columns, double missingCellShare, List<ColumnQuality> perColumn,
        int columnsWithFindings) {

    /** A column with at least this share of missing cells is flagged: imputing that much invents the column. */
    static final double MUCH_MISSING = 0.2;

    public record ColumnQuality(String name, ColumnType type, long missing, double missingShare, String distinct,
            List<String> findings) {

        /** Width of the missing-share bar, in percent. */
        public long missingPercent() {
            return Math.round(missingShare * 100);
        }
    }

    static DataQuality of(DatasetSchema schema) {
        long rows = schema.rows();
        var perColumn = new ArrayList<ColumnQuality>();
        long missingCells = 0;
        int flagged = 0;
        for (var column : schema.columns()) {
            missingCells += column.missing();
            var findings = findings(column, rows);
            flagged += findings.isEmpty() ? 0 : 1;
            double share = rows == 0 ? 0 : (double) column.missing() / rows;
            perColumn.add(new ColumnQuality(column.name(), column.type(), column.missing(), share,
                    column.distinct() + (column.distinctCapped() ? "+" : ""), findings));
        }
        long cells = rows * schema.columns().size();
        return new DataQuality(rows, schema.columns().size(), cells == 0 ? 0 : (double) missingCells / cells,
                perColumn, flagged);
    }

    static List<String> findings(ColumnSchema column, long rows) {
        var findings = new ArrayList<String>();
        long present = rows - column.missing();
        if (present == 0) {
            findings.add("all missing");
            return findings;
        }
        if (column.distinct() == 1 && !column.distinctCapped()) {
            findings.add("constant");
        }
        if ((double) column.missing() / rows >= MUCH_MISSING) {
            findings.add("much missing");
        }
        if (column.type() != ColumnType.NUMERIC && present > 1 && column.distinct() == present) {
            findings.add("unique per row (an identifier?)");
        }
        return findings;
    }

    public String missingCellPercent() {
        return String.format(java.util.Locale.ROOT, "%.1f", missingCellShare * 100);
    }
}
