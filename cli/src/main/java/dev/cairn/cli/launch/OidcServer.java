package dev.cairn.cli.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.cairn.cli.stack.EmbeddedKeycloak;
import dev.cairn.cli.stack.KeycloakSecrets;

/**
 * Where the stack's tokens come from: an embedded Keycloak with realm {@code cairn}, or, when {@code CAIRN_OIDC_URL}
 * is set, that external issuer (nothing starts then).
 *
 * @param issuer what the services get as {@code CAIRN_OIDC_URL}
 */
record OidcServer(String issuer, Optional<EmbeddedKeycloak> keycloak) implements AutoCloseable {
    /** platform-api's default {@code CAIRN_OIDC_URL} port, so a bare {@code java -jar} of it finds this Keycloak too. */
    private static final int PREFERRED_PORT = 8180;
    /** Cold, with its one-time build, on two cores shared with the services' start: about 45 s, rarely 90. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    /** Returns at once; {@link #awaitReady} then waits for Keycloak, which takes longest of all. */
    static OidcServer launch(Workspace workspace, Map<String, String> env, KeycloakSecrets secrets) throws IOException {
        String external = env.get("CAIRN_OIDC_URL");
        if (external != null && !external.isBlank()) {
            return new OidcServer(external.strip(), Optional.empty());
        }
        // The repository's realm file, so an edit counts at the next start without a build; the jar's copy if missing.
        String realm = Files.isRegularFile(workspace.realmFile()) ? Files.readString(workspace.realmFile())
                : EmbeddedKeycloak.bundledRealm();
        var keycloak = EmbeddedKeycloak.launch(workspace.keycloakHome(), workspace.serviceLog("keycloak"), realm, secrets,
                Ports.preferred(PREFERRED_PORT));
        return new OidcServer(keycloak.issuer(), Optional.of(keycloak));
    }

    void awaitReady(PrintStream out) throws IOException, InterruptedException {
        if (keycloak.isPresent()) {
            keycloak.get().awaitReady(READY_TIMEOUT);
            out.println("Keycloak ready in " + keycloak.get().readyIn().toMillis() + " ms");
        }
    }

    /** The admin console's base URL; null for an external issuer, whose console is not ours to point at. */
    String keycloakUrl() {
        return keycloak.map(EmbeddedKeycloak::baseUrl).orElse(null);
    }

    Map<String, Integer> ports() {
        var ports = new LinkedHashMap<String, Integer>();
        keycloak.ifPresent(k -> ports.put("keycloak", k.httpPort()));
        keycloak.ifPresent(k -> ports.put("keycloak-management", k.managementPort()));
        return ports;
    }

    @Override
    public void close() {
        keycloak.ifPresent(EmbeddedKeycloak::close);
    }

    @Override
    public String toString() {
        return keycloak.map(EmbeddedKeycloak::toString).orElse("external OIDC server " + issuer);
    }
}
