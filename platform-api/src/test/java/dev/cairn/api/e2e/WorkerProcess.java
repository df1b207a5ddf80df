package dev.cairn.api.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real pipeline worker: the packaged {@code pipeline-worker} app in its own JVM, pointed at the
 * test's Kafka broker and artifact store, exactly as {@code ./cairn up} runs it. Public for the UI's browser journeys.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "..", "pipeline-worker", "target",
            "quarkus-app", "quarkus-run.jar");
    private final Process process;

    private WorkerProcess(Process process) {
        this.process = process;
    }

    public static WorkerProcess start(String name) throws Exception {
        return start(name, List.of());
    }

    /** @param systemProperties extra {@code -Dkey=value} settings for the worker's JVM */
    public static WorkerProcess start(String name, List<String> systemProperties) throws Exception {
        return start(JAR, "worker", name, systemProperties, Map.of());
    }

    /**
     * A packaged Quarkus app of this repository in its own JVM, pointed at the test's Kafka broker and artifact store
     * (and whatever else {@code env} sets); returns once its readiness check answers.
     */
    static WorkerProcess start(Path jar, String what, String name, List<String> systemProperties,
            Map<String, String> env) throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the " + what + " first (./mvnw verify from the repository root "
                    + "packages it before these tests run): missing " + jar.normalize());
        }
        var config = ConfigProvider.getConfig();
        int port = freePort();
        var log = Path.of(System.getProperty("basedir", "."), "target", name + ".log");
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx1g"));
        systemProperties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CAIRN_KAFKA_BOOTSTRAP", config.getValue("kafka.bootstrap.servers", String.class));
        builder.environment().put("CAIRN_STORE_ROOT", config.getValue("cairn.store.root", String.class));
        builder.environment().put("CAIRN_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        var process = new WorkerProcess(builder.start());
        process.awaitReady(port, log);
        return process;
    }

    private void awaitReady(int port, Path log) {
        var http = HttpClient.newHttpClient();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        await("ready (log: " + log + ")").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the process exited; see " + log);
                    }
                    try {
                        return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notListeningYet) {
                        return false;
                    }
                });
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Ends the worker as a crash would (SIGKILL): no goodbye to the consumer group, nothing committed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
