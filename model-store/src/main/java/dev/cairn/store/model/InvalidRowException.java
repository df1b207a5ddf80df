package dev.cairn.store.model;

/**
 * A row the model cannot score, with a message naming the column and value, fit to show a caller
 * (an inference request answered 4xx, or a failed task's reason).
 */
public class InvalidRowException extends IllegalArgumentException {

    private final String column;

    public InvalidRowException(String column, String message) {
        super(message);
        this.column = column;
    }

    /** The offending column, or null when the row as a whole is the problem. */
    public String column() {
        return column;
    }
}
