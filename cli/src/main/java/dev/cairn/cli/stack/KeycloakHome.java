package dev.cairn.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * One Keycloak server's home ({@code kc.home.dir}): copies of {@code kc.sh}, the runner jar and the build output
 * ({@code lib/quarkus}, which Keycloak rewrites when its build options change), links to the distribution's jars,
 * config and themes, and its own {@code data/}, where Keycloak imports realms from ({@code data/import}, not
 * configurable) and keeps transaction logs. Made anew at every start.
 */
final class KeycloakHome {
    /** Marks a home this class made, so it never deletes a directory it did not create. */
    private static final String MARKER = ".cairn-keycloak-home";

    private KeycloakHome() {
    }

    static void make(KeycloakDistribution distribution, Path home, String realmJson) throws IOException {
        if (Files.exists(home)) {
            boolean ours = Files.exists(home.resolve(MARKER));
            try (var entries = Files.list(home)) {
                if (!ours && entries.findAny().isPresent()) {
                    throw new IOException(home + " exists and is not a Keycloak home made by Cairn; not touching it");
                }
            }
            Directories.delete(home);
        }
        Path dist = distribution.home();
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.createDirectories(home.resolve("data/import"));
        Files.writeString(home.resolve(MARKER), "Made by dev.cairn.cli.stack.EmbeddedKeycloak from " + dist + "\n");
        // Copies, not links: kc.sh finds its home through `readlink -f $0`, and the runner its build output next to itself.
        Files.copy(dist.resolve("bin/kc.sh"), home.resolve("bin/kc.sh"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dist.resolve("lib/quarkus-run.jar"), home.resolve("lib/quarkus-run.jar"), StandardCopyOption.REPLACE_EXISTING);
        KeycloakDistribution.copyTree(distribution.buildOutput(), buildOutput(home));
        for (String shared : List.of("lib/app", "lib/lib", "conf", "providers", "themes")) {
            Files.createSymbolicLink(home.resolve(shared), dist.resolve(shared));
        }
        Files.writeString(home.resolve("data/import/" + EmbeddedKeycloak.REALM + "-realm.json"), realmJson);
    }

    static Path buildOutput(Path home) {
        return home.resolve("lib/quarkus");
    }
}
