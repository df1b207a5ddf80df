package dev.cairn.cli.scenario;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged monitoring service as a child process, pointed at the local stack's Kafka and model store. */
final class MonitoringService implements AutoCloseable {
    private final Process process;

    private MonitoringService(Process process) {
        this.process = process;
    }

    static MonitoringService start(Path jar, String kafka, Path store, Path log, int windowEvents)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("Missing " + jar + ": build it first (./mvnw -DskipTests package -pl monitoring -am)");
        }
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(log.getParent());
        var java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        var env = builder.environment();
        env.put("CAIRN_KAFKA_BOOTSTRAP", kafka);
        env.put("CAIRN_STORE_ROOT", store.toString());
        env.put("CAIRN_HTTP_PORT", String.valueOf(port));
        env.put("CAIRN_MONITORING_WINDOW_EVENTS", String.valueOf(windowEvents));
        var service = new MonitoringService(builder.start());
        service.awaitReady(port, log);
        return service;
    }

    private void awaitReady(int port, Path log) throws IOException, InterruptedException {
        var http = HttpClient.newHttpClient();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("monitoring exited; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("monitoring not ready after 2 minutes; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
