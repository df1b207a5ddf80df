package dev.cairn.api.deployments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.api.audit.AuditEntry;
import dev.cairn.api.pipelines.DeployRequested;
import dev.cairn.contracts.PipelineSpec;
import io.quarkus.arc.Arc;
import dev.cairn.api.registry.ModelVersion;
import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The rollout controller against real inference servers (the packaged deploy module) behind the local router, under
 * steady client load. Versions are {@link ThresholdModel}s: for the probe x = 2.5, threshold 0 and 0.01 both say
 * {@code high} (a good candidate), threshold 5 says {@code low} (a candidate whose predictions differ wildly).
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class RolloutResourceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PROBE = "{\"features\": {\"x\": 2.5}}";
    /** Short windows keep the suite fast; p99 is generous because the router shares 2 busy cores with the build. */
    private static final Map<String, Object> FAST = Map.of("intervalMs", 1500, "minRequests", 5, "maxP99Ms", 5000);

    private static RequestSpecification patiently() {
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 240_000)));
    }

    /** A deployment of version 1 (threshold 0) in production, and version 2 with {@code threshold} registered. */
    private static Fixture deployed(double candidateThreshold) throws Exception {
        var model = ThresholdModel.registeredInProduction();
        ThresholdModel.register(model, candidateThreshold);
        var name = "ro-" + model;
        String endpoint = patiently().contentType(ContentType.JSON).body(Map.of("name", name, "model", model))
                .post("/api/deployments").then().statusCode(201).extract().path("endpoint");
        return new Fixture(model, name, endpoint);
    }

    record Fixture(String model, String name, String endpoint) {
        void startRollout(Map<String, Object> body) {
            patiently().contentType(ContentType.JSON).body(body).post("/api/deployments/" + name + "/rollouts")
                    .then().statusCode(202).body("status", equalTo("RUNNING"));
        }

        JsonPath awaitEnd() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                var response = given().get("/api/deployments/" + name + "/rollout").then().extract();
                if (response.statusCode() == 200 && !"RUNNING".equals(response.jsonPath().getString("status"))) {
                    return response.jsonPath();
                }
                Thread.sleep(250);
            }
            throw new AssertionError("the rollout of " + name + " did not end within 180 s");
        }

        int production() {
            return QuarkusTransaction.requiringNew().call(() -> ModelVersion.aliased(model, "production")
                    .orElseThrow().version);
        }

        List<String> auditActions() {
            return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> find(
                    "target = ?1 order by seq", "deployment:" + name).list().stream().map(e -> e.action).toList());
        }

        void delete() {
            given().delete("/api/deployments/" + name).then().statusCode(204);
        }
    }

    private static Map<String, Object> rollout(String strategy, Map<String, Object> analysis, Object... more) {
        var body = new HashMap<String, Object>(Map.of("version", 2, "strategy", strategy, "analysis", analysis));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    @TestSecurity(user = "rita", roles = "release-manager")
    void controllerPromotesAGoodCanaryStepByStepUnderLoadWithoutAFailedRequest() throws Exception {
        // Given
        var f = deployed(0.01);
        JsonPath end;
        try (var load = new Load(f.endpoint(), 4)) {
            // When
            f.startRollout(rollout("canary", FAST, "steps", List.of(20, 50, 100)));
            end = f.awaitEnd();
            Thread.sleep(1_000); // the former stable servers drain and stop under load
            // Then
            assertThat(load.failures()).as("failed requests").isEmpty();
            assertThat(load.versions()).containsKeys("1", "2");
        }
        assertThat(end.getString("status")).isEqualTo("PROMOTED");
        assertThat(end.getList("decisions.kind", String.class)).filteredOn(kind -> !kind.equals("HOLD"))
                .as("a window short of requests is held, not judged").containsExactly("STARTED", "STEP", "STEP",
                        "PROMOTED");
        assertThat(end.getList("decisions.decidedBy", String.class)).endsWith("rollout-controller");
        assertThat(end.getLong("decisions[-1].evidence.candidateRequests")).isGreaterThanOrEqualTo(5);
        assertThat(end.getDouble("decisions[-1].evidence.labelDivergence")).isLessThan(0.1);
        assertThat(f.production()).as("production follows the completed rollout").isEqualTo(2);
        given().get("/api/deployments/" + f.name()).then().body("version", equalTo(2))
                .body("previousVersion", equalTo(1));
        assertThat(f.auditActions()).containsExactly("deployment.created", "deployment.rollout-started",
                "deployment.rollout-promoted");
        f.delete();
    }

    @Test
    @TestSecurity(user = "rita", roles = "release-manager")
    void controllerRollsBackACanaryWhosePredictionsDifferUnderLoadWithoutAFailedRequest() throws Exception {
        // Given
        var f = deployed(5.0);
        JsonPath end;
        try (var load = new Load(f.endpoint(), 4)) {
            // When
            f.startRollout(rollout("canary", FAST, "steps", List.of(25, 100)));
            end = f.awaitEnd();
            Thread.sleep(1_000);
            load.reset();
            Thread.sleep(1_000);
            // Then
            assertThat(load.failures()).as("failed requests").isEmpty();
            assertThat(load.versions()).as("answers after the rollback").containsOnlyKeys("1");
        }
        assertThat(end.getString("status")).isEqualTo("ROLLED_BACK");
        assertThat(end.getList("decisions.kind", String.class)).first().isEqualTo("STARTED");
        assertThat(end.getList("decisions.kind", String.class)).last().isEqualTo("ROLLED_BACK");
        assertThat(end.getString("outcome")).contains("prediction distribution diverges");
        assertThat(f.production()).as("production never moved").isEqualTo(1);
        given().get("/api/deployments/" + f.name()).then().body("version", equalTo(1));
        assertThat(f.auditActions()).endsWith("deployment.rollout-rolled-back");
        f.delete();
    }

    @Test
    @TestSecurity(user = "rita", roles = "release-manager")
    void blueGreenAnswersTestTrafficFromTheCandidateThenSwitchesAllAtOnce() throws Exception {
        // Given
        var f = deployed(0.01);
        try (var load = new Load(f.endpoint(), 2)) {
            // When
            f.startRollout(rollout("blue-green", Map.of("intervalMs", 3000, "maxP99Ms", 5000)));
            var preview = HTTP.send(request(f.endpoint()).header(Traffic.PREVIEW_HEADER, "candidate").build(),
                    HttpResponse.BodyHandlers.ofString());
            var clientsBeforeSwitch = load.versions();
            var end = f.awaitEnd();
            // Then
            assertThat(preview.body()).contains("\"version\":\"2\"");
            assertThat(clientsBeforeSwitch).as("clients during the check").containsOnlyKeys("1");
            assertThat(end.getString("status")).isEqualTo("PROMOTED");
            assertThat(load.failures()).isEmpty();
        }
        assertThat(f.production()).isEqualTo(2);
        f.delete();
    }

    @Test
    @TestSecurity(user = "rita", roles = "release-manager")
    void shadowMirrorsWithoutAnsweringAndDiscardsACandidateThatDisagrees() throws Exception {
        // Given
        var f = deployed(5.0);
        JsonPath end;
        try (var load = new Load(f.endpoint(), 2)) {
            // When
            f.startRollout(rollout("shadow", Map.of("intervalMs", 1500, "minRequests", 5, "maxP99Ms", 5000,
                    "maxLabelDivergence", 1.0)));
            end = f.awaitEnd();
            // Then
            assertThat(load.versions()).as("clients are answered by stable only").containsOnlyKeys("1");
            assertThat(load.failures()).isEmpty();
        }
        assertThat(end.getString("status")).isEqualTo("ROLLED_BACK");
        var decisive = end.getMap("decisions[-1].evidence");
        assertThat(((Number) decisive.get("compared")).longValue()).isGreaterThanOrEqualTo(5);
        assertThat(((Number) decisive.get("agreement")).doubleValue()).isEqualTo(0.0);
        assertThat(f.production()).isEqualTo(1);
        f.delete();
    }

    @Test
    @TestSecurity(user = "sam", roles = { "sre", "release-manager" })
    void anSreRollsBackMidRolloutThroughTheDeploymentRollback() throws Exception {
        // Given: a good canary held at 50 % for a minute
        var f = deployed(0.01);
        f.startRollout(rollout("canary", Map.of("intervalMs", 60_000), "steps", List.of(50, 100)));
        try (var load = new Load(f.endpoint(), 2)) {
            given().post("/ui/deployments/" + f.name() + "/rollback").then().statusCode(403); // no UI header
            // When: the Deployments page's button
            patiently().header("X-Cairn-UI", "1").post("/ui/deployments/" + f.name() + "/rollback").then()
                    .statusCode(200).body("version", equalTo(1));
            Thread.sleep(1_000); // requests sent to the candidate before the rollback are still answered by it
            load.reset();
            Thread.sleep(1_000);
            // Then
            assertThat(load.versions()).containsOnlyKeys("1");
            assertThat(load.failures()).isEmpty();
        }
        var end = given().get("/api/deployments/" + f.name() + "/rollout").then().extract().jsonPath();
        assertThat(end.getString("status")).isEqualTo("ROLLED_BACK");
        assertThat(end.getString("decisions[-1].decidedBy")).isEqualTo("sam");
        assertThat(f.production()).isEqualTo(1);
        given().post("/api/deployments/" + f.name() + "/rollout/abort").then().statusCode(409);
        var page = given().get("/ui/deployments/" + f.name()).then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"rollout-status\">ROLLED_BACK").contains("rolled back by hand")
                .contains("id=\"rollback-button\" data-rollback=");
        assertThat(given().get("/ui/deployments").then().statusCode(200).extract().asString()).contains(f.name());
        f.delete();
    }

    @Test
    @TestSecurity(user = "rita", roles = "release-manager")
    void refusesACanaryThatNeverReachesAllTraffic() throws Exception {
        // Given
        var model = ThresholdModel.registeredInProduction();
        var name = "bad-" + model;
        patiently().contentType(ContentType.JSON).body(Map.of("name", name, "model", model))
                .post("/api/deployments").then().statusCode(201);
        ThresholdModel.register(model, 1.0);
        // When / Then
        given().contentType(ContentType.JSON).body(Map.of("version", 2, "steps", List.of(10, 50)))
                .post("/api/deployments/" + name + "/rollouts").then().statusCode(422)
                .body("type", equalTo("/problems/invalid-rollout"));
        given().delete("/api/deployments/" + name).then().statusCode(204);
    }

    private static void pipelineRegistered(String model, PipelineSpec.DeployStep deploy) {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().beanManager().getEvent()
                .select(DeployRequested.class).fire(new DeployRequested(model, 2, deploy, "pipeline-user", "run-1")));
    }

    @Test
    @TestSecurity(user = "rita", roles = "release-manager")
    void aRunsDeployStepRollsItsRegisteredVersionOutToTheModelsDeployment() throws Exception {
        // Given
        var f = deployed(0.01);
        JsonPath end;
        try (var load = new Load(f.endpoint(), 2)) {
            // When: what the orchestrator fires once a run with steps.deploy registered version 2 (gate passed)
            pipelineRegistered(f.model(), new PipelineSpec.DeployStep("canary", List.of(50, 100), null, null,
                    5000.0, null, null, 5, 1500L));
            end = f.awaitEnd();
            // Then
            assertThat(load.failures()).isEmpty();
        }
        assertThat(end.getString("status")).isEqualTo("PROMOTED");
        assertThat(end.getString("startedBy")).isEqualTo("pipeline-user");
        assertThat(f.production()).isEqualTo(2);
        f.delete();
    }

    @Test
    @TestSecurity(user = "rita", roles = "release-manager")
    void aRunsDeployStepBecomesTheFirstDeploymentOfAModelWithoutOne() throws Exception {
        // Given
        var model = ThresholdModel.registeredInProduction();
        ThresholdModel.register(model, 0.01);
        // When
        pipelineRegistered(model, new PipelineSpec.DeployStep("canary", null, null, null, null, null, null, null,
                null));
        // Then
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (given().get("/api/deployments/" + model).statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        given().get("/api/deployments/" + model).then().statusCode(200).body("version", equalTo(2))
                .body("alias", equalTo("production")).body("updatedBy", equalTo("pipeline-user"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ModelVersion.aliased(model, "production")
                .orElseThrow().version)).isEqualTo(2);
        given().delete("/api/deployments/" + model).then().statusCode(204);
    }

    private static HttpRequest.Builder request(String endpoint) {
        return HttpRequest.newBuilder(URI.create(endpoint + "/predict")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(PROBE));
    }

    /** Clients predicting in a loop; counts answers by the version that gave them, and every non-200 is a failure. */
    static final class Load implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<String, Integer> versions = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final List<Thread> clients = new ArrayList<>();

        Load(String endpoint, int clients) {
            for (int i = 0; i < clients; i++) {
                this.clients.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        try {
                            var response = HTTP.send(request(endpoint).build(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                var body = response.body();
                                int at = body.indexOf("\"version\":\"") + 11;
                                versions.merge(body.substring(at, body.indexOf('"', at)), 1, Integer::sum);
                            } else {
                                failures.add(response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
        }

        Map<String, Integer> versions() {
            return Map.copyOf(versions);
        }

        /** Forgets the versions seen so far (failures are kept). */
        void reset() {
            versions.clear();
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        }
    }
}
