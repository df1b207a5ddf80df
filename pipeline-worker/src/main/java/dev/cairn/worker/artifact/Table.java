package dev.cairn.worker.artifact;

import dev.cairn.worker.task.StepFailure;
import java.util.List;

/**
 * A CSV held in memory: its header and its rows of text cells, each row as long as the header.
 * Data sets in this issue are tens of thousands of rows, so memory is not yet the constraint.
 */
public record Table(List<String> header, List<String[]> rows) {

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The column's position, or -1 when the header lacks it. */
    public int indexOf(String column) {
        return header.indexOf(column);
    }

    /** One column's cells, in row order. */
    public List<String> column(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new StepFailure("column '" + name + "' is not in the data; columns: " + String.join(", ", header));
        }
        return rows.stream().map(row -> row[index]).toList();
    }

    /** The same header with only the rows at these positions, in the order given. */
    public Table select(List<Integer> positions) {
        return new Table(header, positions.stream().map(rows::get).toList());
    }
}
