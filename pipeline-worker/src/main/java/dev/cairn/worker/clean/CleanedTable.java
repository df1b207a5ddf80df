package dev.cairn.worker.clean;

import dev.cairn.worker.artifact.Table;
import java.util.List;

/** Writes cleaned rows back as text, with the kept columns in the raw file's order. */
final class CleanedTable {

    private CleanedTable() {
    }

    static Table of(List<Row> rows, ColumnRoles roles) {
        List<Integer> kept = roles.kept();
        List<String> header = kept.stream().map(roles.header()::get).toList();
        List<String[]> cells = rows.stream().map(row -> cells(row, kept, roles)).toList();
        return new Table(header, cells);
    }

    private static String[] cells(Row row, List<Integer> kept, ColumnRoles roles) {
        String[] cells = new String[kept.size()];
        for (int i = 0; i < cells.length; i++) {
            int column = kept.get(i);
            int numeric = roles.numeric().indexOf(column);
            if (column == roles.target()) {
                cells[i] = row.label();
            } else if (numeric >= 0) {
                cells[i] = NumericCell.format(row.numbers()[numeric]);
            } else if (roles.text().contains(column)) {
                cells[i] = row.texts()[roles.text().indexOf(column)];
            } else {
                cells[i] = row.categories()[roles.categorical().indexOf(column)];
            }
        }
        return cells;
    }
}
