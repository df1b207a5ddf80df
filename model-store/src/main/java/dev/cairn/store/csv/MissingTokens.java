package dev.cairn.store.csv;

import java.util.List;
import java.util.Objects;

/**
 * The cell values that mean "no value" in one dataset. Per dataset because in some files
 * {@code None} is a real category. Compared after stripping surrounding whitespace, case-sensitive.
 *
 * @param tokens stored stripped and without repeats
 */
public record MissingTokens(List<String> tokens) {

    /** {@code ""}, {@code NA}, {@code N/A} and {@code ?}: what R, pandas and the UCI files commonly write. */
    public static final MissingTokens DEFAULT = new MissingTokens(List.of("", "NA", "N/A", "?"));

    public MissingTokens {
        Objects.requireNonNull(tokens, "tokens");
        tokens = tokens.stream()
                .map(token -> Objects.requireNonNull(token, "a missing token cannot be null").strip())
                .distinct()
                .toList();
    }

    /** The dataset's tokens, or {@link #DEFAULT} when it names none (null). An empty list means nothing is missing. */
    public static MissingTokens of(List<String> tokens) {
        return tokens == null ? DEFAULT : new MissingTokens(tokens);
    }

    /** True for null (an absent cell) and for any cell that strips to one of the tokens. */
    public boolean isMissing(String cell) {
        return cell == null || tokens.contains(cell.strip());
    }
}
