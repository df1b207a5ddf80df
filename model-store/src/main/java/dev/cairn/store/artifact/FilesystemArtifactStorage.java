package dev.cairn.store.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Artifacts as files under one root directory, laid out like Git's objects:
 * {@code root/sha256/ab/cdef…} (the first two hex characters name a directory, so no directory
 * grows past a few thousand entries). Writes go to {@code root/tmp} first and are renamed into
 * place atomically, so a reader sees a complete file or none, and two writers of the same bytes
 * end with one file. Several processes may share the root, as platform-api and the workers do.
 */
public final class FilesystemArtifactStorage implements ArtifactStorage {

    private static final int BUFFER = 64 * 1024;

    private final Path objects;
    private final Path tmp;

    /** Creates the root's directories if they do not exist yet. */
    public FilesystemArtifactStorage(Path root) throws IOException {
        this.objects = Files.createDirectories(root.resolve("sha256"));
        this.tmp = Files.createDirectories(root.resolve("tmp"));
    }

    @Override
    public ArtifactRef put(InputStream content) throws IOException {
        Path part = Files.createTempFile(tmp, "put-", ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            long size = copyHashing(content, part, digest);
            return moveIntoPlace(part, new ArtifactRef(Sha256.hex(digest), size));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The file is gone from its path afterwards in every case: moved, copied then deleted, or a duplicate. */
    @Override
    public ArtifactRef put(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = hash(in, digest);
        }
        ArtifactRef ref = new ArtifactRef(Sha256.hex(digest), size);
        Path target = pathOf(ref.sha256());
        if (Files.exists(target)) {
            Files.delete(file);
            return ref;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            return ref;
        } catch (AtomicMoveNotSupportedException acrossFileSystems) {
            // Another filesystem: copy through tmp (hashing again, so what lands is what is named), then let go.
            ArtifactRef copied;
            try (InputStream in = Files.newInputStream(file)) {
                copied = put(in);
            }
            Files.delete(file);
            return copied;
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path path = pathOf(sha256);
        try {
            return new VerifyingInputStream(Files.newInputStream(path), sha256);
        } catch (NoSuchFileException e) {
            throw new MissingArtifactException(sha256);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    private Path pathOf(String sha256) {
        Sha256.requireValid(sha256);
        return objects.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    /** Copies and forces the bytes to disk before the rename, so a crash cannot leave a named but empty file. */
    private static long copyHashing(InputStream content, Path part, MessageDigest digest) throws IOException {
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            for (int n; (n = content.read(buffer)) >= 0;) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
            channel.force(true);
            return size;
        }
    }

    private static long hash(InputStream in, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n; (n = in.read(buffer)) >= 0;) {
            digest.update(buffer, 0, n);
            size += n;
        }
        return size;
    }

    private ArtifactRef moveIntoPlace(Path part, ArtifactRef ref) throws IOException {
        Path target = pathOf(ref.sha256());
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            // Same bytes, same name: if another writer wins the race, its rename and ours are interchangeable.
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return ref;
    }
}
