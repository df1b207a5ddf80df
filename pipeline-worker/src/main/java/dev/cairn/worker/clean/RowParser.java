package dev.cairn.worker.clean;

import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.csv.NumericCells;
import dev.cairn.worker.artifact.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns raw CSV rows into {@link Row}s: rows without a label are dropped (nothing to learn from),
 * missing tokens become null, and numeric cells that are not numbers become null too, counted as
 * coerced so the report can say how many values were lost that way.
 */
final class RowParser {

    private final ColumnRoles roles;
    private final MissingTokens tokens;
    private final long[] coerced;
    private long missingTarget;

    RowParser(ColumnRoles roles, MissingTokens tokens) {
        this.roles = roles;
        this.tokens = tokens;
        this.coerced = new long[roles.numeric().size()];
    }

    List<Row> parse(Table table) {
        var rows = new ArrayList<Row>(table.rows().size());
        for (String[] cells : table.rows()) {
            if (tokens.isMissing(cells[roles.target()])) {
                missingTarget++;
            } else {
                rows.add(parse(cells));
            }
        }
        return rows;
    }

    private Row parse(String[] cells) {
        Double[] numbers = new Double[roles.numeric().size()];
        for (int j = 0; j < numbers.length; j++) {
            numbers[j] = number(cells[roles.numeric().get(j)], j);
        }
        String[] categories = new String[roles.categorical().size()];
        for (int j = 0; j < categories.length; j++) {
            String cell = cells[roles.categorical().get(j)];
            categories[j] = tokens.isMissing(cell) ? null : cell;
        }
        String[] texts = new String[roles.text().size()];
        for (int j = 0; j < texts.length; j++) {
            String cell = cells[roles.text().get(j)];
            texts[j] = tokens.isMissing(cell) ? "" : cell;
        }
        return new Row(cells[roles.target()], numbers, categories, texts);
    }

    private Double number(String cell, int j) {
        if (tokens.isMissing(cell)) {
            return null;
        }
        OptionalDouble value = NumericCells.parse(cell);
        if (value.isEmpty()) {
            coerced[j]++;
            return null;
        }
        return value.getAsDouble();
    }

    long missingTarget() {
        return missingTarget;
    }

    /** Per numeric column, in {@link ColumnRoles#numeric()} order. */
    long[] coerced() {
        return coerced.clone();
    }
}
