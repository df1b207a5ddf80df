package dev.cairn.api.tracking;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what passes and stops an upload as soon as it exceeds the cap, before the rest is read. */
final class SizeCappedInputStream extends FilterInputStream {
    private final long cap;
    private long count;

    SizeCappedInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > cap) {
            throw new ArtifactTooLargeException(cap);
        }
    }
}
