package dev.cairn.store.csv;

/**
 * The bytes are not a CSV file Cairn can read, with a message a user can act on (it names the row
 * or line). Unchecked because it surfaces from {@link CsvRows#next()}, which an {@link java.util.Iterator}
 * cannot declare; catch it where an upload or a task is answered.
 */
public class CsvFormatException extends RuntimeException {

    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
