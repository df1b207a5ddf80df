package dev.cairn.api.problem;

import java.util.List;

/**
 * The request is well-formed but says something the platform cannot do: answered 422 with one
 * {@link Problem.FieldError} per complaint, so a client can show each next to its field.
 */
public class InvalidRequestException extends RuntimeException {
    private final String slug;
    private final List<Problem.FieldError> errors;

    public InvalidRequestException(String slug, String message, List<Problem.FieldError> errors) {
        super(message);
        this.slug = slug;
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String slug, String message) {
        this(slug, message, List.of());
    }

    public String slug() {
        return slug;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
