package dev.cairn.api.pipelines.gate;

/** A gate that cannot be read; the message names the column (1-based) and what was expected there. */
public class GateSyntaxException extends RuntimeException {

    GateSyntaxException(String message) {
        super(message, null, false, false);
    }
}
