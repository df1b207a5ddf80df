package dev.cairn.cli.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import dev.cairn.cli.launch.StackState.State;

/**
 * {@code cairn up} in the foreground: starts Keycloak (realm {@code cairn}), and meanwhile PostgreSQL and Kafka, then
 * platform-api and pipeline-worker from their fast-jars pointed at Keycloak through {@code CAIRN_OIDC_URL}; holds them
 * until SIGTERM or Ctrl-C (a shutdown hook stops the services and Keycloak, then the servers). The {@code cairn}
 * script runs it in the background through {@link BackgroundUp}. With {@code CAIRN_OIDC_URL} set, no Keycloak starts
 * and the services use that issuer.
 */
public final class UpCommand {
    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);

    private final Workspace workspace;
    private final PrintStream out;
    private final long pid = ProcessHandle.current().pid();
    private final String startedAt = Instant.now().toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // Guards starting and stopping: a Ctrl-C during the start waits for the step in flight, then stops it too.
    private final Object lifecycle = new Object();
    private final List<AutoCloseable> started = new CopyOnWriteArrayList<>();
    private final CountDownLatch serviceDied = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile StackState state;

    public UpCommand(Workspace workspace, PrintStream out) {
        this.workspace = workspace;
        this.out = out;
    }

    /** Returns only when a service dies (exit code 1) or the start fails; a signal ends the JVM instead. */
    public int run() throws IOException, InterruptedException {
        var running = StackState.read(workspace).filter(StackState::isAlive).filter(s -> s.pid() != pid);
        if (running.isPresent()) {
            out.println("Cairn is already running (pid " + running.get().pid() + "). Stop it with ./cairn down.");
            return 1;
        }
        for (String service : List.of(Workspace.API, Workspace.WORKER)) {
            if (!Files.isRegularFile(workspace.serviceJar(service))) {
                out.println("Missing " + workspace.show(workspace.serviceJar(service)) + ": build first (./mvnw -DskipTests install).");
                return 1;
            }
        }
        Files.createDirectories(workspace.cairnDir());
        Files.writeString(workspace.pidFile(), pid + "\n");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "cairn-down"));
        long begin = System.nanoTime();
        write(starting());
        try {
            startAll(begin);
        } catch (Exception e) {
            out.println("Cairn did not start: " + e.getMessage());
            write(state.failedBecause(e.getMessage()));
            return 1;
        }
        StackSummary.print(state, workspace, out);
        serviceDied.await();
        return 1;
    }

    private void startAll(long begin) throws Exception {
        Map<String, String> env = System.getenv();
        var secrets = Credentials.loadOrCreate(workspace);
        forgetBasicAuthUser();
        // Keycloak takes 20-45 s, the rest a few: it starts first and everything else starts meanwhile.
        OidcServer oidc = step(() -> OidcServer.launch(workspace, env, secrets));
        Servers servers = step(() -> Servers.start(workspace, env));
        if (servers.embedded()) {
            out.println("PostgreSQL and Kafka ready in " + servers.readyIn().toMillis() + " ms");
        }
        int apiPort = Ports.preferred(8080);
        int workerPort = Ports.free();
        ServiceProcess api = step(() -> startService(Workspace.API, apiPort, servers, oidc.issuer()));
        ServiceProcess worker = step(() -> startService(Workspace.WORKER, workerPort, servers, oidc.issuer()));
        watch(api);
        watch(worker);
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("api", apiPort);
        ports.put("worker", workerPort);
        ports.putAll(servers.ports());
        ports.putAll(oidc.ports());
        write(snapshot(State.STARTING, api, worker, ports, oidc, servers));
        oidc.awaitReady(out);
        oidc.keycloak().ifPresent(k -> watch("Keycloak", k.onExit(), k.log()));
        for (ServiceProcess service : List.of(api, worker)) {
            service.awaitReady(http, SERVICE_READY_TIMEOUT);
        }
        // Again: Keycloak's JVM is known for sure only now (kc.sh forks it), and down must find it if up is killed.
        write(snapshot(State.STARTING, api, worker, ports, oidc, servers)
                .readyIn(Duration.ofNanos(System.nanoTime() - begin), swaggerUi(api)));
    }

    private ServiceProcess startService(String name, int port, Servers servers, String oidcUrl) throws IOException {
        var env = new HashMap<String, String>();
        env.put("CAIRN_DB_URL", servers.jdbcUrl());
        env.put("CAIRN_DB_USER", servers.dbUser());
        env.put("CAIRN_DB_PASSWORD", servers.dbPassword());
        env.put("CAIRN_KAFKA_BOOTSTRAP", servers.kafkaBootstrap());
        env.put("CAIRN_STORE_ROOT", System.getenv().getOrDefault("CAIRN_STORE_ROOT", workspace.storeDir().toString()));
        env.put("CAIRN_HTTP_PORT", Integer.toString(port));
        env.put("CAIRN_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("CAIRN_OIDC_URL", oidcUrl);
        // Deployments start the packaged inference server as child processes of platform-api.
        env.put("CAIRN_SERVER_JAR", workspace.repo().resolve("deploy/target/quarkus-app/quarkus-run.jar").toString());
        env.put("CAIRN_DEPLOYMENTS_LOG_DIR", workspace.logsDir().resolve("deployments").toString());
        return ServiceProcess.start(name, workspace.serviceJar(name), workspace.runDir(name),
                workspace.serviceLog(name), port, env);
    }

    /** Before Keycloak, {@code up} wrote a basic-auth user for platform-api there; a leftover would only confuse. */
    private void forgetBasicAuthUser() throws IOException {
        Path config = workspace.runDir(Workspace.API).resolve("config/application.properties");
        if (Files.isRegularFile(config) && Files.readString(config).contains("quarkus.security.users.embedded")) {
            Files.delete(config);
        }
    }

    /** Runs one start step and records what it started, unless a stop came first. */
    private <T extends AutoCloseable> T step(Callable<T> start) throws Exception {
        synchronized (lifecycle) {
            if (stopping) {
                throw new InterruptedException("stopped while starting");
            }
            T component = start.call();
            started.add(component);
            return component;
        }
    }

    /** A service or Keycloak that dies while the stack runs takes the stack down, so no half-working stack lingers. */
    private void watch(ServiceProcess service) {
        watch(service.name(), service.process().onExit().thenApply(Process::exitValue), workspace.serviceLog(service.name()));
    }

    private void watch(String name, CompletableFuture<Integer> exit, Path log) {
        exit.thenAccept(code -> {
            if (!stopping) {
                out.println(name + " exited with code " + code + "; stopping Cairn. See " + workspace.show(log));
                serviceDied.countDown();
            }
        });
    }

    private String swaggerUi(ServiceProcess api) {
        var url = api.url() + "/q/swagger-ui/";
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? url : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    /** The shutdown hook: services and Keycloak first (the services hold connections to the servers), then the servers. */
    private void stop() {
        synchronized (lifecycle) {
            stopping = true;
        }
        var first = started.stream().filter(c -> c instanceof ServiceProcess || c instanceof OidcServer)
                .map(c -> CompletableFuture.runAsync(() -> closeQuietly(c))).toList();
        first.forEach(CompletableFuture::join);
        started.stream().filter(Servers.class::isInstance).forEach(this::closeQuietly);
        forgetState();
        out.println("Cairn stopped.");
    }

    private void forgetState() {
        try {
            var current = StackState.read(workspace);
            if (current.isPresent() && current.get().pid() == pid && current.get().state() != State.FAILED) {
                Files.deleteIfExists(workspace.stackFile());
            }
            if (Files.isRegularFile(workspace.pidFile()) && Files.readString(workspace.pidFile()).trim().equals(Long.toString(pid))) {
                Files.delete(workspace.pidFile());
            }
        } catch (IOException e) {
            out.println("Could not clean up " + workspace.show(workspace.cairnDir()) + ": " + e.getMessage());
        }
    }

    private void closeQuietly(AutoCloseable component) {
        try {
            component.close();
        } catch (Exception e) {
            out.println("Could not stop " + component + ": " + e.getMessage());
        }
    }

    private StackState snapshot(State s, ServiceProcess api, ServiceProcess worker, Map<String, Integer> ports,
                                OidcServer oidc, Servers servers) {
        var pids = new LinkedHashMap<String, Long>();
        pids.put(api.name(), api.pid());
        pids.put(worker.name(), worker.pid());
        oidc.keycloak().ifPresent(k -> pids.put("keycloak", k.pid()));
        return new StackState(s, pid, startedAt, null, api.url(), null, worker.url(), ports, oidc.issuer(), oidc.keycloakUrl(),
                workspace.credentialsFile().toString(), servers.jdbcUrl(), servers.dbUser(), servers.kafkaBootstrap(), pids, null);
    }

    /** Before the first step: only the pid, so {@code down} and {@code status} know an {@code up} is under way. */
    private StackState starting() {
        return new StackState(State.STARTING, pid, startedAt, null, null, null, null, null, null, null,
                workspace.credentialsFile().toString(), null, null, null, null, null);
    }

    private void write(StackState next) throws IOException {
        state = next;
        next.write(workspace);
    }
}
