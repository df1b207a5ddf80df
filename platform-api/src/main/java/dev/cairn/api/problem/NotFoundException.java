package dev.cairn.api.problem;

/** Something the request names does not exist; the message says what, in the user's words. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
