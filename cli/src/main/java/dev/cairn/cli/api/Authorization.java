package dev.cairn.cli.api;

import java.io.IOException;

/** The {@code Authorization} header of API calls: a bearer token that renews itself, or a fixed one in tests. */
public interface Authorization {
    String header() throws IOException, InterruptedException;

    /** The API answered 401 to the last header: the next {@link #header()} must not be the same token. */
    default void refused() {
    }
}
