package dev.cairn.store.artifact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilesystemArtifactStorageTest {

    /** SHA-256 of "hello\n", as `sha256sum` prints it. */
    private static final String HELLO_SHA = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    @TempDir
    Path root;

    @Test
    void readsBackTheBytesItStoredUnderTheirDigest() throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        var ref = storage.put(stream("hello\n"));
        // When
        byte[] read;
        try (InputStream in = storage.open(ref.sha256())) {
            read = in.readAllBytes();
        }
        // Then
        assertThat(ref).isEqualTo(new ArtifactRef(HELLO_SHA, 6));
        assertThat(new String(read, UTF_8)).isEqualTo("hello\n");
        assertThat(storage.exists(HELLO_SHA)).isTrue();
    }

    @Test
    void laysFilesOutByTheFirstTwoHexCharacters() throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        // When
        storage.put(stream("hello\n"));
        // Then
        assertThat(root.resolve("sha256/58/" + HELLO_SHA.substring(2))).hasBinaryContent("hello\n".getBytes(UTF_8));
        assertThat(root.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void storesTheSameBytesOnce() throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        var first = storage.put(stream("same bytes"));
        // When
        var second = storage.put(stream("same bytes"));
        // Then
        assertThat(second).isEqualTo(first);
        assertThat(storedFiles()).isEqualTo(1);
        assertThat(root.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void takesOverAFileByMovingIt() throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        Path file = Files.writeString(Files.createDirectories(root.resolve("work")).resolve("model.bin"), "hello\n");
        // When
        var ref = storage.put(file);
        // Then
        assertThat(ref).isEqualTo(new ArtifactRef(HELLO_SHA, 6));
        assertThat(file).doesNotExist();
        assertThat(readAll(storage, HELLO_SHA)).isEqualTo("hello\n");
    }

    @Test
    void dropsAFileWhoseBytesAreAlreadyStored() throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        storage.put(stream("hello\n"));
        Path file = Files.writeString(root.resolve("again.bin"), "hello\n");
        // When
        var ref = storage.put(file);
        // Then
        assertThat(ref.sha256()).isEqualTo(HELLO_SHA);
        assertThat(file).doesNotExist();
        assertThat(storedFiles()).isEqualTo(1);
    }

    @Test
    void copiesAFileFromAnotherFilesystem() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(root)), "needs a second filesystem");
        // Given
        var storage = new FilesystemArtifactStorage(root);
        Path file = Files.writeString(Files.createTempFile(shm, "cairn-store-test", ".bin"), "hello\n");
        // When
        var ref = storage.put(file);
        // Then
        assertThat(ref.sha256()).isEqualTo(HELLO_SHA);
        assertThat(file).doesNotExist();
        assertThat(readAll(storage, HELLO_SHA)).isEqualTo("hello\n");
    }

    @Test
    void refusesToEndAStreamWhoseStoredBytesChanged() throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        var ref = storage.put(stream("hello\n"));
        Path stored = root.resolve("sha256/58/" + HELLO_SHA.substring(2));
        byte[] bytes = Files.readAllBytes(stored);
        bytes[0] ^= 0x01;
        Files.write(stored, bytes);
        // When
        Throwable thrown;
        try (InputStream in = storage.open(ref.sha256())) {
            thrown = catchThrowable(in::readAllBytes);
        }
        // Then
        assertThat(thrown)
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining(HELLO_SHA)
                .hasMessageContaining("corrupt");
    }

    @Test
    void saysWhenNothingIsStoredUnderADigest() throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        // When
        Throwable thrown = catchThrowable(() -> storage.open(HELLO_SHA));
        // Then
        assertThat(thrown).isInstanceOf(MissingArtifactException.class).hasMessageContaining(HELLO_SHA);
        assertThat(storage.exists(HELLO_SHA)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "../../../../etc/passwd",
            "5891B5B522D5DF086D0FF0B110FBD9D21BB4FC7163AF34D08286A2E846F6BE03",
            "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be0/",
            "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be033",
            "../b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"})
    void refusesAnythingButALowercaseHexDigest(String digest) throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        // When
        Throwable thrown = catchThrowable(() -> storage.open(digest));
        // Then
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a SHA-256 digest");
        assertThatThrownBy(() -> storage.exists(digest)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ArtifactRef.isSha256(digest)).isFalse();
    }

    @Test
    void refusesANullDigest() throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        // When
        Throwable thrown = catchThrowable(() -> storage.open(null));
        // Then
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streamsFiftyMegabytesThroughWithoutHoldingThem() throws IOException {
        // Given
        long size = 50L * 1024 * 1024;
        var storage = new FilesystemArtifactStorage(root);
        // When
        var ref = storage.put(new GeneratedStream(size, 42));
        // Then
        assertThat(ref).isEqualTo(new ArtifactRef(digestOf(new GeneratedStream(size, 42)), size));
        try (InputStream in = storage.open(ref.sha256())) {
            assertThat(digestOf(in)).isEqualTo(ref.sha256());
        }
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("sha256"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }

    private static String readAll(ArtifactStorage storage, String sha) throws IOException {
        try (InputStream in = storage.open(sha)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    private static String digestOf(InputStream in) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0;) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Pseudo-random bytes made on demand, so the test never holds the whole artifact. */
    private static final class GeneratedStream extends InputStream {
        private final Random random;
        private long remaining;

        GeneratedStream(long size, long seed) {
            this.remaining = size;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, remaining), 8192);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, n);
            remaining -= n;
            return n;
        }
    }
}
