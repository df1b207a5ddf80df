package dev.cairn.store.csv;

import java.io.IOException;

/** Raised by {@link StrictUtf8Reader}; carries the physical line, which only the reader knows exactly. */
final class MalformedUtf8Exception extends IOException {

    private final long line;

    MalformedUtf8Exception(long line) {
        super("not valid UTF-8 near line " + line);
        this.line = line;
    }

    long line() {
        return line;
    }
}
