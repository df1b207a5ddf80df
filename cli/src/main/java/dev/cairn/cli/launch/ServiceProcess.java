package dev.cairn.cli.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Quarkus service run from its fast-jar as a child process, with its own working directory and log file. */
final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String name, Path jar, Path workDir, Path log, int port, Map<String, String> env)
            throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(log.getParent());
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(List.of(java, "-jar", jar.toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        return new ServiceProcess(name, builder.start(), port, log);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Process process() {
        return process;
    }

    /** Waits for {@code /q/health/ready} to answer 200; fails early, with the log's tail, if the process exits. */
    void awaitReady(HttpClient http, Duration timeout) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ServiceFailedException(name + " exited with code " + process.exitValue() + " while starting. "
                        + "Last lines of " + log + ":\n" + LogTail.of(log, 30));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The port opens late in Quarkus' start; keep polling.
            }
            Thread.sleep(200);
        }
        throw new ServiceFailedException(name + " not ready after " + timeout.toSeconds() + " s. Last lines of "
                + log + ":\n" + LogTail.of(log, 30));
    }

    /** SIGTERM, which Quarkus answers with a graceful shutdown; SIGKILL if that takes longer than {@code grace}. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }

    /** A service that died or never became ready; the message carries the end of its log. */
    static final class ServiceFailedException extends IOException {
        ServiceFailedException(String message) {
            super(message);
        }
    }
}
