package dev.cairn.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cairn.cli.launch.Credentials;

/** The slice of platform-api's REST API the demo drives, over HTTP basic auth as the local user. */
final class CairnClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final Credentials credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    CairnClient(String baseUrl, Credentials credentials) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
    }

    /** {@code POST /api/datasets/{name}}: a new version of the data set from a CSV file. */
    DatasetVersion uploadDataset(String name, Path csv, String missingTokens) throws IOException, InterruptedException {
        var uri = "/api/datasets/" + encode(name) + "?missing=" + encode(missingTokens);
        return send(request(uri).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)),
                DatasetVersion.class);
    }

    /** {@code POST /api/pipeline-runs} with the spec as YAML, exactly as a user would write it. */
    PipelineRun submit(String specYaml) throws IOException, InterruptedException {
        return send(request("/api/pipeline-runs").header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(specYaml)), PipelineRun.class);
    }

    PipelineRun run(String id) throws IOException, InterruptedException {
        return send(request("/api/pipeline-runs/" + encode(id)).GET(), PipelineRun.class);
    }

    ModelVersion modelVersion(String name, String version) throws IOException, InterruptedException {
        return send(request("/api/models/" + encode(name) + "/versions/" + encode(version)).GET(), ModelVersion.class);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", credentials.basicAuthorization());
    }

    private <T> T send(HttpRequest.Builder request, Class<T> type) throws IOException, InterruptedException {
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(response.request().method() + " " + response.uri().getPath(), response.statusCode(),
                    problem(response.body()));
        }
        return json.readValue(response.body(), type);
    }

    /** RFC 9457 bodies carry title, detail and, for invalid input, errors; anything else is shown as it came. */
    private String problem(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.hasNonNull("title")) {
                return node.path("title").asText()
                        + (node.hasNonNull("detail") ? ": " + node.path("detail").asText() : "")
                        + (node.hasNonNull("errors") ? " [" + RunReport.inline(node.get("errors")) + "]" : "");
            }
        } catch (IOException notJson) {
            // fall through
        }
        return body == null || body.isBlank() ? "(no body)" : body.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A call the API refused or failed; the message is the problem's title and detail. */
    static final class ApiException extends IOException {
        ApiException(String call, int status, String problem) {
            super(call + " answered " + status + ": " + problem);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DatasetVersion(String name, String version, String sha256, Long sizeBytes, Long rows, Schema schema) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Schema(List<Column> columns, List<String> missingTokens) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Column(String name, String type, Long missing, Long distinct) {
    }

    /** @param state PENDING, RUNNING, SUCCEEDED, FAILED or CANCELLED */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PipelineRun(String id, String pipeline, String state, String reason, List<Step> steps, JsonNode metrics,
                       ModelRef model) {
        boolean finished() {
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Step(String step, String state, String reason, JsonNode metrics, String startedAt, String finishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelRef(String name, String version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelVersion(String name, String version, JsonNode metrics, JsonNode labels, JsonNode inputSignature,
                        JsonNode lineage, String manifestSha256, JsonNode aliases) {
    }
}
