package dev.cairn.deploy.aot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The build's AOT training run ({@code cairn.serving.aot-training=true}, see the module README): the server serves
 * {@link TrainingModel} from a temporary store and, once ready, answers its own {@code /predict} and
 * {@code /v2/.../infer} a few hundred times, so that the JVM's AOT cache ({@code -XX:AOTCacheOutput}) holds the
 * classes and profiles of start-up, model loading and the request path. A server started later with
 * {@code -XX:AOTCache} skips most of that class loading and linking.
 */
public final class TrainingRun {

    /** Enough calls for the request path's methods to be profiled; the whole run stays within a few seconds. */
    private static final int CALLS = 300;

    private TrainingRun() {
    }

    /** Creates the training model's package in a fresh temporary store; returns the store and the package. */
    public static Package prepare() throws IOException {
        Path root = Files.createTempDirectory("cairn-aot-training");
        return new Package(root, TrainingModel.store(root));
    }

    /** Where the training model lives. */
    public record Package(Path storeRoot, String manifestSha256) {

        /** The store is the run's own: nothing of it should stay in /tmp or in an image layer. */
        public void delete() throws IOException {
            try (var paths = Files.walk(storeRoot)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Calls both prediction APIs of the server at {@code port}; any answer other than 200 fails the run. */
    public static void exercise(int port, String modelName) throws IOException, InterruptedException {
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            var base = "http://127.0.0.1:" + port;
            String predict = "{\"features\":{\"tenure\":12,\"charges\":45.5,\"contract\":\"monthly\"}}";
            String infer = "{\"inputs\":[{\"name\":\"tenure\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[12]},"
                    + "{\"name\":\"charges\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[45.5]},"
                    + "{\"name\":\"contract\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"yearly\"]}]}";
            for (int i = 0; i < CALLS; i++) {
                post(http, base + "/predict", predict);
                post(http, base + "/v2/models/" + modelName + "/infer", infer);
            }
            get(http, base + "/v2/health/ready");
        }
    }

    private static void post(HttpClient http, String url, String body) throws IOException, InterruptedException {
        check(url, http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static void get(HttpClient http, String url) throws IOException, InterruptedException {
        check(url, http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static void check(String url, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
