package dev.cairn.cli.api;

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
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The slice of platform-api's REST API the {@code cairn} commands drive, with a bearer token on every call. One
 * answer of 401 makes it fetch a new token and try once more: a token can expire between checking and arriving.
 */
public final class CairnClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);

    private final String baseUrl;
    private final Authorization authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** @param baseUrl platform-api without {@code /api}, e.g. {@code http://127.0.0.1:8080} */
    public CairnClient(String baseUrl, Authorization authorization) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = authorization;
    }

    /** {@code POST /api/datasets/{name}}: a new version of the data set from a CSV file. */
    public DatasetVersion uploadDataset(String name, Path csv, String missingTokens) throws IOException, InterruptedException {
        var uri = "/api/datasets/" + encode(name) + "?missing=" + encode(missingTokens);
        return send(request(uri).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)),
                DatasetVersion.class);
    }

    /** {@code POST /api/pipeline-runs} with the spec as YAML, exactly as a user wrote it. */
    public PipelineRun submit(String specYaml) throws IOException, InterruptedException {
        return send(request("/api/pipeline-runs").header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(specYaml)), PipelineRun.class);
    }

    public PipelineRun run(String id) throws IOException, InterruptedException {
        return send(request("/api/pipeline-runs/" + encode(id)).GET(), PipelineRun.class);
    }

    public ModelVersion modelVersion(String name, String version) throws IOException, InterruptedException {
        return send(request("/api/models/" + encode(name) + "/versions/" + encode(version)).GET(), ModelVersion.class);
    }

    /** {@code PUT /api/models/{name}/aliases/{alias}}: creates the alias or moves it to {@code version}. */
    public Alias pointAlias(String model, String alias, int version) throws IOException, InterruptedException {
        var body = json.writeValueAsString(Map.of("version", version));
        return send(request(aliasPath(model, alias)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), Alias.class);
    }

    /** {@code POST .../aliases/{alias}/rollback}: back to the version the alias pointed at before its last move. */
    public Alias rollbackAlias(String model, String alias) throws IOException, InterruptedException {
        return send(request(aliasPath(model, alias) + "/rollback").POST(HttpRequest.BodyPublishers.noBody()), Alias.class);
    }

    /**
     * {@code POST /api/deployments}: serves {@code model@alias} with {@code replicas} servers; answers once they are
     * ready, which takes seconds (longer on a busy machine), hence its own timeout.
     */
    public Deployment deploy(String name, String model, String alias, int replicas)
            throws IOException, InterruptedException {
        var body = json.writeValueAsString(Map.of("name", name, "model", model, "alias", alias, "replicas", replicas));
        return send(request("/api/deployments").timeout(DEPLOY_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Deployment.class);
    }

    /** {@code POST /api/deployments/{name}/sync}: serve the version the deployment's alias points at now. */
    public Deployment syncDeployment(String name) throws IOException, InterruptedException {
        return send(request("/api/deployments/" + encode(name) + "/sync").timeout(DEPLOY_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()), Deployment.class);
    }

    /** {@code GET /api/deployments/{name}}, empty when there is none. */
    public java.util.Optional<Deployment> deployment(String name) throws IOException, InterruptedException {
        try {
            return java.util.Optional.of(send(request("/api/deployments/" + encode(name)).GET(), Deployment.class));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    /** {@code GET /api/audit/verify}: recomputes the audit log's hash chain on the server. */
    public AuditReport verifyAudit() throws IOException, InterruptedException {
        return send(request("/api/audit/verify").GET(), AuditReport.class);
    }

    /** {@code GET /api/alerts?deployment=}: the deployment's alert episodes, newest first, with retraining decisions. */
    public JsonNode alerts(String deployment) throws IOException, InterruptedException {
        return send(request("/api/alerts?size=100&deployment=" + encode(deployment)).GET(), JsonNode.class);
    }

    /** {@code GET /api/deployments/{name}/drift}: the deployment's monitoring windows, oldest first. */
    public JsonNode drift(String deployment) throws IOException, InterruptedException {
        return send(request("/api/deployments/" + encode(deployment) + "/drift").GET(), JsonNode.class);
    }

    private static String aliasPath(String model, String alias) {
        return "/api/models/" + encode(model) + "/aliases/" + encode(alias);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).header("Accept", "application/json");
    }

    private <T> T send(HttpRequest.Builder request, Class<T> type) throws IOException, InterruptedException {
        var response = http.send(request.setHeader("Authorization", authorization.header()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            authorization.refused();
            response = http.send(request.setHeader("Authorization", authorization.header()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() / 100 != 2) {
            throw ApiException.of(response.request().method() + " " + response.uri().getPath(), response.statusCode(),
                    response.body(), json);
        }
        return json.readValue(response.body(), type);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DatasetVersion(String name, String version, String sha256, Long sizeBytes, Long rows, Schema schema) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schema(List<Column> columns, List<String> missingTokens) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, String type, Long missing, Long distinct) {
    }

    /** @param state PENDING, RUNNING, SUCCEEDED, FAILED or CANCELLED */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PipelineRun(String id, String pipeline, String state, String reason, List<Step> steps, JsonNode metrics,
                              ModelRef model, String createdAt, String finishedAt) {
        public boolean finished() {
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state);
        }

        public boolean succeeded() {
            return "SUCCEEDED".equals(state);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String step, String state, String reason, JsonNode metrics, String startedAt, String finishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ModelRef(String name, String version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ModelVersion(String name, String version, JsonNode metrics, JsonNode labels, JsonNode inputSignature,
                               JsonNode lineage, String manifestSha256, JsonNode aliases) {
    }

    /** An alias after it moved: {@code model@alias → version}, with who moved it and when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    /** A deployment: {@code endpoint} takes predictions ({@code POST endpoint/predict}). */
    public record Deployment(String name, String model, String alias, int version, int replicas, String endpoint,
            String status) {
    }

    public record Alias(String model, String alias, int version, String updatedBy, String updatedAt) {
    }

    /**
     * @param firstBrokenSeq the first entry that does not verify; null when valid
     * @param headHash the hash of the last entry that verified: worth recording outside Cairn (a CI log)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditReport(boolean valid, long entries, Long firstBrokenSeq, String reason, String headHash) {
    }
}
