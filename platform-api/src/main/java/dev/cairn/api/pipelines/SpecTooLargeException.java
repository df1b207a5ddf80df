package dev.cairn.api.pipelines;

/** A spec body longer than {@link SpecParser#MAX_SPEC_CHARS}; refused while it is read, before it is all in memory. */
class SpecTooLargeException extends RuntimeException {
    SpecTooLargeException(int limit) {
        super("A pipeline spec may be at most " + limit + " characters long");
    }
}
