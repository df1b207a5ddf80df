package dev.cairn.store.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes bytes as the caller reads them and compares the digest when the end is reached, so a
 * reader that consumes the whole stream can never silently get altered bytes. A reader that stops
 * early gets no verdict: the check needs every byte.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final String expected;
    private final MessageDigest digest = Sha256.newDigest();
    private String actual; // set once at the end; digest() resets the digest, so it is never computed twice

    VerifyingInputStream(InputStream in, String expectedSha256) {
        super(in);
        this.expected = expectedSha256;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            verifyAtEnd();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            verifyAtEnd();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    /** Skipped bytes must still be hashed, so they are read rather than skipped. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readlimit) {
        // not supported: a reset would feed the same bytes to the digest twice
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("mark/reset not supported by a verifying stream");
    }

    private void verifyAtEnd() throws IOException {
        if (actual == null) {
            actual = Sha256.hex(digest);
        }
        if (!actual.equals(expected)) {
            // Fails again on every later read: a corrupt artifact must never end in a clean EOF.
            throw new CorruptArtifactException(expected,
                    "artifact " + expected + " is corrupt: its content hashes to " + actual);
        }
    }
}
