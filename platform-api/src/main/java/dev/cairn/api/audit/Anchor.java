package dev.cairn.api.audit;

import dev.cairn.api.problem.InvalidRequestException;
import dev.cairn.api.problem.Problem.FieldError;
import java.util.List;

/**
 * An entry's hash noted outside the database ({@code <seq>:<hash>}, from an earlier report's {@code entries} and
 * {@code headHash}). The chain alone cannot show that it was rewritten from some entry on, or cut short; an
 * anchor can.
 */
record Anchor(long seq, String hash) {

    /** @throws InvalidRequestException {@code invalid-anchor} */
    static Anchor parse(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,18}:[0-9a-f]{64}")) {
            throw new InvalidRequestException("invalid-anchor", "An anchor is <seq>:<hash>, e.g. 1234:" + "0f".repeat(32),
                    List.of(new FieldError("anchor", "expected <seq>:<64 lowercase hex digits>")));
        }
        var parts = text.split(":");
        return new Anchor(Long.parseLong(parts[0]), parts[1]);
    }
}
