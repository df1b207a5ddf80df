package dev.cairn.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Keycloak with realm {@code cairn} for the tests that need real tokens. Only the classes that carry the
 * annotation pay for it (20–45 s on two cores), and all of them share one server per JVM:
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
 * class RealTokenTest {
 *     @Test
 *     void letsAnAdminIn() {
 *         given().auth().oauth2(KeycloakResource.accessToken("ada")).get("/api/models").then().statusCode(200);
 *     }
 * }
 * }</pre>
 *
 * It returns {@code quarkus.oidc.auth-server-url} (the issuer). The static methods work from any test, with or
 * without Quarkus, and start the server on first use. Demo users: {@code ana} (data-scientist), {@code sam} (sre),
 * {@code ada} (admin, so also release-manager), {@code cid} (ci); client {@code cairn-ci}'s service account has
 * {@code ci} and {@code release-manager}. Every access token has audience {@code cairn-api}.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {
    public static final String CLI_CLIENT = "cairn-cli";
    public static final String CI_CLIENT = KeycloakSecrets.CI_CLIENT;

    /**
     * Prefix of the JVM-wide server record in the system properties. Quarkus loads test resources in a class loader
     * per application, so a static field would start one Keycloak per loader; the system properties are shared by all.
     */
    private static final String SHARED = KeycloakResource.class.getName();

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", issuer());
    }

    /** Nothing: later test classes reuse the server, and a shutdown hook stops it with the JVM. */
    @Override
    public void stop() {
    }

    /** {@code http://127.0.0.1:<port>/realms/cairn}. */
    public static String issuer() {
        return shared().get("issuer");
    }

    public static String tokenUrl() {
        return KeycloakTokens.keycloakTokenUrl(issuer());
    }

    /** The generated password of a demo user ({@code ana}, {@code sam}, {@code ada}, {@code cid}). */
    public static String password(String user) {
        String password = secret("password." + user);
        if (password == null) {
            throw new IllegalArgumentException("No demo user " + user + "; the realm has " + KeycloakSecrets.USERS);
        }
        return password;
    }

    public static String ciClientSecret() {
        return secret("ci-secret");
    }

    /** A fresh access token for a demo user: password grant through the public client {@code cairn-cli}. */
    public static String accessToken(String user) {
        try {
            return tokens().password(CLI_CLIENT, user, password(user)).accessToken();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh access token for CI: client credentials of {@code cairn-ci}. */
    public static String ciAccessToken() {
        try {
            return tokens().clientCredentials(CI_CLIENT, ciClientSecret()).accessToken();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** For other grants or clients, and for reading a token's claims with {@link KeycloakTokens#claims}. */
    public static KeycloakTokens tokens() {
        return new KeycloakTokens(issuer());
    }

    /** How long the server took to become ready in this JVM. */
    public static Duration readyIn() {
        return Duration.ofMillis(Long.parseLong(shared().get("ready-ms")));
    }

    /** From a file only this user can read, deleted with the server's home: system properties end up in test reports. */
    private static String secret(String key) {
        var secrets = new Properties();
        try (var in = Files.newBufferedReader(Path.of(shared().get("secrets-file")))) {
            secrets.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets.getProperty(key);
    }

    /**
     * The server record lives in the system properties as plain strings ({@code <SHARED>.issuer}, ...): other code
     * iterates them as strings (Narayana, at every Quarkus start, fails on any other value). The lock is the interned
     * key, the one object every class loader sees.
     */
    private static Map<String, String> shared() {
        var properties = System.getProperties();
        synchronized (SHARED.intern()) {
            String failure = properties.getProperty(SHARED + ".failure");
            if (failure != null) {
                throw new IllegalStateException("Keycloak did not start earlier in this JVM: " + failure);
            }
            if (properties.getProperty(SHARED + ".issuer") == null) {
                try {
                    startServer().forEach((key, value) -> properties.setProperty(SHARED + "." + key, value));
                } catch (Exception e) {
                    properties.setProperty(SHARED + ".failure", String.valueOf(e.getMessage()));
                    throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
                }
            }
        }
        var server = new ConcurrentHashMap<String, String>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(SHARED + ".")) {
                server.put(key.substring(SHARED.length() + 1), properties.getProperty(key));
            }
        }
        return server;
    }

    private static Map<String, String> startServer() throws IOException, InterruptedException {
        // Under the module's target/, so `mvn clean` removes whatever a killed test JVM left behind.
        Path target = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target").toAbsolutePath());
        Path home = Files.createTempDirectory(target, "keycloak-");
        Path log = target.resolve(home.getFileName() + ".log");
        var secrets = KeycloakSecrets.generate();
        var keycloak = EmbeddedKeycloak.start(home, log, EmbeddedKeycloak.bundledRealm(), secrets, 0).deleteHomeOnClose();
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "cairn-keycloak-stop"));
        System.out.println("Keycloak ready in " + keycloak.readyIn().toMillis() + " ms: " + keycloak.issuer() + " (log " + log + ")");
        var server = new ConcurrentHashMap<String, String>();
        server.put("issuer", keycloak.issuer());
        server.put("ready-ms", Long.toString(keycloak.readyIn().toMillis()));
        server.put("secrets-file", writeSecrets(home.resolve(".test-secrets.properties"), secrets).toString());
        return server;
    }

    private static Path writeSecrets(Path file, KeycloakSecrets secrets) throws IOException {
        var properties = new Properties();
        properties.setProperty("ci-secret", secrets.ciClientSecret());
        secrets.passwords().forEach((user, password) -> properties.setProperty("password." + user, password));
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "Secrets of the test Keycloak " + file.getParent());
        }
        return file;
    }
}
