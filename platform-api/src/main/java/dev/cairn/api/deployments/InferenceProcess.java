package dev.cairn.api.deployments;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One inference server as a child process of the control plane, on a free loopback port. */
final class InferenceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final int port;
    private final Process process;
    private final Path log;

    private InferenceProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static InferenceProcess start(DeploymentConfig config, String deployment, ServedVersion version) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(config.javaOptions());
        aotCache(config).ifPresent(cache -> command.add("-XX:AOTCache=" + cache));
        command.addAll(List.of("-jar", config.serverJar().toAbsolutePath().toString()));
        var builder = new ProcessBuilder(command);
        var env = builder.environment();
        env.put("CAIRN_MODEL_NAME", version.model());
        env.put("CAIRN_MODEL_VERSION", String.valueOf(version.version()));
        env.put("CAIRN_MODEL_PACKAGE", version.manifestSha256());
        env.put("CAIRN_DEPLOYMENT_ID", deployment);
        env.put("CAIRN_STORE_ROOT", config.storeRoot().toAbsolutePath().toString());
        env.put("CAIRN_KAFKA_BOOTSTRAP", config.kafkaBootstrap());
        env.put("CAIRN_PREDICTIONS_SAMPLE_RATE", String.valueOf(config.predictionSampleRate()));
        env.put("CAIRN_HTTP_HOST", "127.0.0.1");
        env.put("CAIRN_HTTP_PORT", String.valueOf(port));
        try {
            Files.createDirectories(config.logDir());
            Path log = config.logDir().resolve(deployment + "-v" + version.version() + "-" + port + ".log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            return new InferenceProcess(port, builder.start(), log);
        } catch (IOException e) {
            throw new RuntimeUnavailableException("cannot start an inference server (" + config.serverJar()
                    + "): " + e.getMessage(), e);
        }
    }

    /**
     * The cache the build wrote beside the jar. It is only valid for the JDK build that wrote it; another JDK 25+ says
     * so in the server's log and starts without it, while a JDK before 25 would refuse the option, hence the check.
     */
    static Optional<Path> aotCache(DeploymentConfig config) {
        Path cache = config.serverJar().toAbsolutePath().resolveSibling("app.aot");
        boolean usable = config.aotCache() && Runtime.version().feature() >= 25 && Files.isRegularFile(cache);
        return usable ? Optional.of(cache) : Optional.empty();
    }

    /** Polls readiness; a server that exits (e.g. a corrupt package) fails at once with the end of its log. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/health/ready"))
                .timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new RuntimeUnavailableException("the inference server exited with status "
                        + process.exitValue() + ": " + tail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the JVM is still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeUnavailableException("interrupted while waiting for the inference server");
            }
            sleep(20); // a poll costs a refused connect or one small request; the wait is what a deploy feels
        }
        stop();
        throw new RuntimeUnavailableException("the inference server was not ready within " + timeout + ": " + tail());
    }

    /** SIGTERM (the server drains its prediction queue), then a kill after 5 s. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
