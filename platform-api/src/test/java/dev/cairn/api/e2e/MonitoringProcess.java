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
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The real monitoring service: the packaged {@code monitoring} app in its own JVM, pointed at the test's Kafka broker
 * and model store, as {@code ./cairn up} would run it.
 */
final class MonitoringProcess implements AutoCloseable {
    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "..", "monitoring", "target",
            "quarkus-app", "quarkus-run.jar");
    private final Process process;

    private MonitoringProcess(Process process) {
        this.process = process;
    }

    /** @param windowEvents predictions per window */
    static MonitoringProcess start(String name, int windowEvents) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Build monitoring first (./mvnw verify from the repository root builds it "
                    + "before platform-api): missing " + JAR.normalize());
        }
        var config = ConfigProvider.getConfig();
        int port = freePort();
        var log = Path.of(System.getProperty("basedir", "."), "target", name + ".log");
        var java = ProcessHandle.current().info().command().orElse("java");
        // Read the topic from its start: the test's first predictions must count, whenever the group is assigned.
        var command = new ArrayList<>(List.of(java, "-Xmx512m",
                "-Dmp.messaging.incoming.predictions.auto.offset.reset=earliest", "-jar", JAR.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        var env = builder.environment();
        env.put("CAIRN_KAFKA_BOOTSTRAP", config.getValue("kafka.bootstrap.servers", String.class));
        env.put("CAIRN_STORE_ROOT", config.getValue("cairn.store.root", String.class));
        env.put("CAIRN_HTTP_PORT", String.valueOf(port));
        env.put("CAIRN_MONITORING_WINDOW_EVENTS", String.valueOf(windowEvents));
        var monitoring = new MonitoringProcess(builder.start());
        monitoring.awaitReady(port, log);
        return monitoring;
    }

    private void awaitReady(int port, Path log) {
        var http = HttpClient.newHttpClient();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        await("monitoring ready (log: " + log + ")").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("monitoring exited; see " + log);
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

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
