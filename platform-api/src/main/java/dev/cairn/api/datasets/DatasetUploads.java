package dev.cairn.api.datasets;

import dev.cairn.store.artifact.ArtifactStorage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Takes an upload from the wire to a registered version without ever holding it whole in memory:
 * stream to a temporary file (hashing and counting), read it once to check and infer the schema,
 * then hand it to the artifact store and record the version. Anything wrong leaves nothing behind.
 */
@ApplicationScoped
class DatasetUploads {
    private final ArtifactStorage storage;
    private final DatasetConfig config;

    DatasetUploads(ArtifactStorage storage, DatasetConfig config) {
        this.storage = storage;
        this.config = config;
    }

    /** @return the new version, or the existing one when the same bytes were uploaded under this name before */
    Upload upload(String name, InputStream body, List<String> missingTokens, String user) throws IOException {
        if (!DatasetVersion.NAME.matcher(name).matches()) {
            throw new InvalidDatasetException("invalid-dataset-name", "Dataset names are 1-64 characters of a-z, 0-9, '.', '_' "
                    + "and '-', starting with a letter or digit; got '" + name + "'");
        }
        var tokens = missingTokens == null || missingTokens.isEmpty() ? config.missingTokens() : missingTokens;
        Path temp = Files.createTempFile("cairn-upload-", ".csv");
        try {
            var received = receive(body, temp);
            var existing = QuarkusTransaction.requiringNew().call(() -> DatasetVersion.withContent(name, received.sha256()));
            if (existing.isPresent()) {
                return new Upload(existing.get(), false);
            }
            var schema = CsvInspection.inspect(temp, tokens);
            storage.put(temp);
            return new Upload(QuarkusTransaction.requiringNew().call(() -> {
                var version = DatasetVersion.next(name, received.sha256(), received.size(), schema, user);
                version.persist();
                return version;
            }), true);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    record Upload(DatasetVersion version, boolean created) {
    }

    private record Received(String sha256, long size) {
    }

    private Received receive(InputStream body, Path temp) throws IOException {
        var digest = sha256();
        long size = 0;
        try (var in = new DigestInputStream(body, digest); OutputStream out = Files.newOutputStream(temp)) {
            var buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                size += n;
                if (size > config.maxUploadBytes()) {
                    throw new UploadTooLargeException(config.maxUploadBytes());
                }
                out.write(buffer, 0, n);
            }
        }
        return new Received(HexFormat.of().formatHex(digest.digest()), size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
