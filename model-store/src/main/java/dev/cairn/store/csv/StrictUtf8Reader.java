package dev.cairn.store.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses malformed bytes instead of replacing them with U+FFFD, which would
 * silently turn a Latin-1 file's "Zürich" into a new category. Drops a leading byte order mark.
 * It counts line feeds itself because {@link java.io.InputStreamReader} decodes ahead of the CSV
 * parser, so the parser's line number at the failure would be wrong.
 */
final class StrictUtf8Reader extends Reader {

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private long linesDecoded;
    private boolean endOfInput;
    private boolean done;
    private boolean atStart = true;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Refills {@code chars}; false once everything has been decoded. */
    private boolean decodeMore() throws IOException {
        if (done) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0 && !done) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                countLineFeeds(chars.flip());
                throw new MalformedUtf8Exception(linesDecoded + 1);
            }
            if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(chars);
                    done = true;
                } else {
                    readBytes();
                }
            }
        }
        chars.flip();
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(0) == '\uFEFF') {
                chars.position(1);
            }
        }
        countLineFeeds(chars.duplicate());
        return true;
    }

    private void readBytes() throws IOException {
        bytes.compact(); // keeps a multi-byte sequence split across two reads
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void countLineFeeds(CharBuffer decoded) {
        while (decoded.hasRemaining()) {
            if (decoded.get() == '\n') {
                linesDecoded++;
            }
        }
    }
}
