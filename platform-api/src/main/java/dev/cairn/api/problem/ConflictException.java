package dev.cairn.api.problem;

/** The request contradicts the current state (e.g. cancelling a finished run): answered 409. */
public class ConflictException extends RuntimeException {
    private final String slug;

    public ConflictException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
