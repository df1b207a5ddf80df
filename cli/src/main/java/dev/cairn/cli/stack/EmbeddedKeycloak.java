package dev.cairn.cli.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A real Keycloak, started from the {@code keycloak-quarkus-dist} zip as a child process ({@code kc.sh start-dev},
 * in-memory database), with realm {@code cairn} imported at every start. Loopback only; the issuer is always
 * {@code http://127.0.0.1:<port>/realms/cairn}, because Keycloak names the issuer after the host a request used.
 *
 * <pre>{@code
 * try (var keycloak = EmbeddedKeycloak.start(home, log, EmbeddedKeycloak.bundledRealm(), KeycloakSecrets.generate(), 0)) {
 *     String token = new KeycloakTokens(keycloak.issuer()).password("cairn-cli", "ana", keycloak.secrets().password("ana")).accessToken();
 * }
 * }</pre>
 *
 * Each server runs from its own {@link KeycloakHome}, so servers started at once by {@code ./cairn up} and by tests
 * never share a writable file.
 */
public final class EmbeddedKeycloak implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedKeycloak.class.getName());

    public static final String REALM = "cairn";
    /** Options Keycloak bakes into its build; changing them costs a rebuild at the next start. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=true");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Process process;
    private final Path home;
    private final Path log;
    private final int httpPort;
    private final int managementPort;
    private final KeycloakSecrets secrets;
    private final KeycloakDistribution distribution;
    private final long launchedAt = System.nanoTime();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Duration readyIn;
    private volatile boolean deleteHomeOnClose;

    private EmbeddedKeycloak(Process process, Path home, Path log, int httpPort, int managementPort,
                             KeycloakSecrets secrets, KeycloakDistribution distribution) {
        this.process = process;
        this.home = home;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.secrets = secrets;
        this.distribution = distribution;
    }

    /** Launches and waits until ready (3 minutes at most). {@code httpPort} 0 picks a free one. */
    public static EmbeddedKeycloak start(Path home, Path log, String realmJson, KeycloakSecrets secrets, int httpPort)
            throws IOException, InterruptedException {
        var keycloak = launch(home, log, realmJson, secrets, httpPort);
        try {
            keycloak.awaitReady(Duration.ofMinutes(3));
            return keycloak;
        } catch (IOException | InterruptedException | RuntimeException e) {
            keycloak.close();
            throw e;
        }
    }

    /**
     * Starts the process and returns at once, so callers can start other servers meanwhile; then
     * {@link #awaitReady}. {@code home} is deleted and made again; {@code log} receives the server's output.
     */
    public static EmbeddedKeycloak launch(Path home, Path log, String realmJson, KeycloakSecrets secrets, int httpPort)
            throws IOException {
        var distribution = KeycloakDistribution.locate();
        KeycloakHome.make(distribution, home, realmJson);
        int port = httpPort == 0 ? FreePort.pick() : httpPort;
        int management = FreePort.pick();
        var command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
                "--import-realm"));
        command.addAll(BUILD_OPTIONS);
        Files.createDirectories(log.toAbsolutePath().getParent());
        var builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        environment(builder.environment(), secrets);
        return new EmbeddedKeycloak(builder.start(), home, log, port, management, secrets, distribution);
    }

    /** The realm file as the cli jar carries it (a copy of {@code deploy/keycloak/cairn-realm.json}). */
    public static String bundledRealm() {
        try (InputStream in = EmbeddedKeycloak.class.getResourceAsStream("cairn-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("cairn-realm.json is missing from the cli jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code /health/ready} on the management port; fails early, with the log's tail, if the process exits. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with code " + process.exitValue() + " while starting; see " + log
                        + ":\n" + tail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyIn = Duration.ofNanos(System.nanoTime() - launchedAt);
                    keepBuildOutput();
                    return;
                }
            } catch (IOException notListeningYet) {
                // The management port opens late in the start; keep polling.
            }
            Thread.sleep(250);
        }
        throw new IOException("Keycloak not ready after " + timeout.toSeconds() + " s; see " + log + ":\n" + tail());
    }

    /** {@code http://127.0.0.1:<port>/realms/cairn}: what {@code quarkus.oidc.auth-server-url} and tokens' {@code iss} say. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return KeycloakTokens.keycloakTokenUrl(issuer());
    }

    /** The admin console; log in with {@link KeycloakSecrets#adminUser()} and {@link KeycloakSecrets#adminPassword()}. */
    public String adminConsoleUrl() {
        return baseUrl() + "/admin/";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public KeycloakSecrets secrets() {
        return secrets;
    }

    /** From {@link #launch} until {@code /health/ready} answered 200; null before. */
    public Duration readyIn() {
        return readyIn;
    }

    /** The JVM that runs Keycloak (kc.sh's child), so a launcher killed outright can still find and stop it. */
    public long pid() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    /** Completes with the exit code once the server's process has exited, for whatever reason. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    public Path log() {
        return log;
    }

    /** Throw-away servers (tests) remove their home when they stop; {@code ./cairn up} keeps it for inspection. */
    public EmbeddedKeycloak deleteHomeOnClose() {
        deleteHomeOnClose = true;
        return this;
    }

    /** SIGTERM (kc.sh passes it on; Keycloak stops in about 2 s), then SIGKILL for the shell and its JVM. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                awaitOrKill(child);
            }
            if (deleteHomeOnClose) {
                Directories.delete(home);
            }
        } catch (InterruptedException e) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete " + home, e);
        }
    }

    private static void awaitOrKill(ProcessHandle child) throws InterruptedException {
        try {
            child.onExit().get(5, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            child.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "Keycloak " + issuer() + " (pid " + process.pid() + ")";
    }

    private static void environment(Map<String, String> env, KeycloakSecrets secrets) {
        // Settings meant for another Keycloak or Quarkus app, or a debugger, must not reach this one.
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_") || name.startsWith("CAIRN_")
                || name.startsWith("JAVA_OPTS") || name.startsWith("DEBUG") || name.equals("PRINT_ENV"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // C1 only: ready in about 21 s instead of 35 s on two cores, and a dev server never runs long enough to need C2.
        var opts = "-XX:TieredStopAtLevel=1";
        if (Runtime.version().feature() >= 24) {
            // Netty warns about Unsafe on every start, and jboss-threads fails on shutdown without java.lang open.
            opts += " --sun-misc-unsafe-memory-access=allow --add-opens=java.base/java.lang=ALL-UNNAMED";
        }
        env.put("JAVA_OPTS_APPEND", opts);
        env.putAll(secrets.environment());
    }

    /** The first server to build for Cairn's options leaves its output for the next ones. */
    private void keepBuildOutput() {
        try {
            distribution.keepBuildOutput(KeycloakHome.buildOutput(home));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not keep Keycloak's build output; the next start rebuilds it", e);
        }
    }

    private String tail() {
        try {
            // Not readAllLines: a process killed mid-write leaves malformed bytes, which must not hide the rest.
            List<String> lines = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
