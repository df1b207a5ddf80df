package dev.cairn.cli.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An initialized, cleanly stopped PostgreSQL cluster with Cairn's database in it, made once per machine and copied
 * for every new cluster: {@code initdb} takes about 1 s on an idle machine and 7–8 s on two busy cores, a copy a
 * fraction of that. It lives in the temp directory, next to zonky's unpacked binaries, keyed by the binaries' jar,
 * so another PostgreSQL version gets its own template.
 */
final class PostgresTemplate {
    private static final String BINARIES = "/postgres-linux-x86_64.txz";

    private PostgresTemplate() {
    }

    /** Fills the empty directory {@code dataDir} with a copy of the template, making the template first if needed. */
    static void copyTo(Path dataDir) throws IOException, SQLException {
        Path template = ensureTemplate();
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source : files.toList()) {
                Path target = dataDir.resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    // PostgreSQL refuses a data directory that others can read (it wants 0700 or 0750).
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Path ensureTemplate() throws IOException, SQLException {
        // Not under zonky's own embedded-pg/: zonky deletes directories there that look like abandoned clusters.
        Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "cairn-pg-templates"));
        Path template = base.resolve(binariesKey());
        if (Files.exists(template.resolve("postgresql.conf"))) {
            return template;
        }
        // Built aside and renamed, so a JVM starting at the same moment never copies half a template.
        Path building = Files.createTempDirectory(base, "building-");
        try (var server = EmbeddedPostgres.launch(building, Optional.empty())) {
            EmbeddedPostgres.createCairnDatabase(server.getPort());
        }
        Files.deleteIfExists(building.resolve("epg-lock"));
        try {
            Files.move(building, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWasFaster) {
            Directories.delete(building);
        }
        return template;
    }

    /** The binaries jar's file name (it carries the version) wherever it is, else a digest of the location. */
    private static String binariesKey() {
        var url = PostgresTemplate.class.getResource(BINARIES);
        String location = url == null ? "unknown" : url.toString();
        var jar = Pattern.compile("([^/!]+)\\.jar!/").matcher(location);
        if (jar.find()) {
            return jar.group(1);
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
