package dev.cairn.cli.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

/**
 * The unpacked {@code keycloak-quarkus-dist}, shared read-only by every Keycloak started from it (each one runs from
 * its own home of links into it, see {@link EmbeddedKeycloak}). Found, in this order:
 * <ol>
 * <li>{@code -Dcairn.keycloak.home}, an unpacked distribution of any version;</li>
 * <li>{@code cli/target/keycloak/keycloak-<version>}, which the cli build unpacks, in the repository around
 * {@code cairn.repo}, {@code basedir} (Maven's module directory) or the working directory;</li>
 * <li>the zip in the local Maven repository, unpacked once into {@code java.io.tmpdir/cairn-keycloak/}.</li>
 * </ol>
 */
final class KeycloakDistribution {
    /** The version the parent pom manages; the build writes it into {@code keycloak.properties}. */
    static final String VERSION = managedVersion();

    private final Path home;

    private KeycloakDistribution(Path home) {
        this.home = home;
    }

    static KeycloakDistribution locate() {
        String explicit = System.getProperty("cairn.keycloak.home");
        if (explicit != null) {
            return new KeycloakDistribution(requireValid(Path.of(explicit).toAbsolutePath()));
        }
        return unpackedByTheBuild().or(KeycloakDistribution::unpackedFromLocalRepository)
                .map(KeycloakDistribution::new)
                .orElseThrow(() -> new IllegalStateException("No Keycloak " + VERSION + " distribution: build the cli "
                        + "module (./mvnw -pl cli package), which unpacks org.keycloak:keycloak-quarkus-dist, or set "
                        + "-Dcairn.keycloak.home to an unpacked one."));
    }

    Path home() {
        return home;
    }

    /**
     * Keycloak's build output ({@code lib/quarkus}) for {@code start-dev} with Cairn's build options, once a server
     * has made it; else the distribution's own, which the next start rebuilds (about 17 s on two cores).
     */
    Path buildOutput() {
        Path kept = keptBuildOutput();
        return Files.isDirectory(kept) ? kept : home.resolve("lib/quarkus");
    }

    /** Keeps a server's fresh build output for the next ones; the first of several racing servers wins. */
    void keepBuildOutput(Path serverBuildOutput) throws IOException {
        Path kept = keptBuildOutput();
        if (Files.isDirectory(kept)) {
            return;
        }
        Path partial = kept.resolveSibling(kept.getFileName() + ".partial-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        copyTree(serverBuildOutput, partial);
        try {
            Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherServerWasFaster) {
            Directories.delete(partial);
        }
    }

    /** Named after the build options, so a change of them never picks up an output built for others. */
    private Path keptBuildOutput() {
        return home.resolveSibling(home.getFileName() + "-build-" + Integer.toHexString(EmbeddedKeycloak.BUILD_OPTIONS.hashCode()));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Optional<Path> unpackedByTheBuild() {
        var starts = new ArrayList<Path>();
        for (String property : List.of("cairn.repo", "basedir", "user.dir")) {
            Optional.ofNullable(System.getProperty(property)).map(p -> Path.of(p).toAbsolutePath().normalize()).ifPresent(starts::add);
        }
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                for (Path candidate : List.of(dir.resolve("cli/target/keycloak/keycloak-" + VERSION),
                        dir.resolve("target/keycloak/keycloak-" + VERSION))) {
                    if (isValid(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** For modules whose tests use Keycloak without the repository's cli/target, e.g. a build of one module. */
    private static Optional<Path> unpackedFromLocalRepository() {
        Path repository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path zip = repository.resolve("org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "cairn-keycloak");
        Path home = root.resolve("keycloak-" + VERSION);
        try {
            Files.createDirectories(root);
            // Several test JVMs may start at once; one unpacks, the others wait for it.
            try (var lock = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE).lock()) {
                if (!isValid(home)) {
                    Path partial = Files.createTempDirectory(root, "unpacking-");
                    unzip(zip, partial);
                    Directories.delete(home);
                    Files.move(partial.resolve("keycloak-" + VERSION), home, StandardCopyOption.ATOMIC_MOVE);
                    Directories.delete(partial);
                }
            }
            return Optional.of(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + root, e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("Entry outside the archive's directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }

    private static boolean isValid(Path home) {
        return Files.isRegularFile(home.resolve("bin/kc.sh")) && Files.isRegularFile(home.resolve("lib/quarkus-run.jar"));
    }

    private static Path requireValid(Path home) {
        if (!isValid(home)) {
            throw new IllegalStateException(home + " is not an unpacked Keycloak distribution (no bin/kc.sh or lib/quarkus-run.jar)");
        }
        return home;
    }

    private static String managedVersion() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("keycloak.properties")) {
            if (in == null) {
                throw new IllegalStateException("keycloak.properties is missing from the cli jar; rebuild it");
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
