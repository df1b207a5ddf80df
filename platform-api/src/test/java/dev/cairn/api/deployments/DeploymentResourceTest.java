package dev.cairn.api.deployments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.api.audit.AuditEntry;
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
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Real inference servers (the packaged deploy module) started by the local runtime, behind its router. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class DeploymentResourceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Version 1 says high above 0, version 2 above 5: x = 2.5 tells them apart. */
    private static final String PROBE = "{\"features\": {\"x\": 2.5}}";

    /** Starting servers takes seconds, and minutes on a machine as busy as a CI runner can be. */
    private static RequestSpecification patiently() {
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 240_000)));
    }

    private static String deploy(String name, String model) {
        return patiently().contentType(ContentType.JSON).body(Map.of("name", name, "model", model, "replicas", 2))
                .post("/api/deployments").then().statusCode(201).extract().path("endpoint");
    }

    private static HttpResponse<String> predict(String endpoint) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/predict")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(PROBE)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @TestSecurity(user = "rita", roles = "release-manager")
    void servesTheProductionAliasAndRecordsWhoDeployedIt() throws Exception {
        // Given
        var model = ThresholdModel.registeredInProduction();
        // When
        var endpoint = deploy("prod-" + model, model);
        // Then
        var answer = predict(endpoint);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"label\":\"high\"").contains("\"version\":\"1\"");
        given().get("/api/deployments/prod-" + model).then().statusCode(200)
                .body("version", equalTo(1)).body("replicas", equalTo(2)).body("status", equalTo("SERVING"));
        var audit = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> find("target",
                "deployment:prod-" + model).list());
        assertThat(audit).extracting(e -> e.action + " by " + e.actor).containsExactly("deployment.created by rita");
        given().delete("/api/deployments/prod-" + model).then().statusCode(204);
    }

    @Test
    @TestSecurity(user = "pipeline", roles = "ci")
    void ciMayNotDeployTheProtectedProductionAlias() throws Exception {
        // Given
        var model = ThresholdModel.registeredInProduction();
        // When / Then
        given().contentType(ContentType.JSON).body(Map.of("name", "ci-" + model, "model", model))
                .post("/api/deployments").then().statusCode(403).body("type", equalTo("/problems/protected-alias"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "release-manager")
    void followsAPromotionAndRollsBackUnderSteadyLoadWithoutLosingARequest() throws Exception {
        // Given: version 1 serving under load, version 2 promoted to production
        var model = ThresholdModel.registeredInProduction();
        var name = "roll-" + model;
        var endpoint = deploy(name, model);
        ThresholdModel.register(model, 5.0);
        given().contentType(ContentType.JSON).body(Map.of("version", 2))
                .put("/api/models/" + model + "/aliases/production").then().statusCode(200);
        try (var load = new SteadyLoad(endpoint, 4)) {
            // When
            patiently().post("/api/deployments/" + name + "/sync").then().statusCode(200).body("version", equalTo(2));
            var servedAfterPromotion = predict(endpoint).body();
            patiently().post("/api/deployments/" + name + "/rollback").then().statusCode(200)
                    .body("version", equalTo(1)).body("previousVersion", equalTo(2));
            var servedAfterRollback = predict(endpoint).body();
            Thread.sleep(1_000); // the replaced servers drain and stop under load
            // Then
            assertThat(load.failures()).as("failed requests").isEmpty();
            assertThat(load.answered()).isGreaterThan(20);
            assertThat(servedAfterPromotion).contains("\"label\":\"low\"").contains("\"version\":\"2\"");
            assertThat(servedAfterRollback).contains("\"label\":\"high\"").contains("\"version\":\"1\"");
        }
        assertThat(QuarkusTransaction.requiringNew().call(
                () -> ModelVersion.aliased(model, "production").orElseThrow().version)).as("production").isEqualTo(1);
        var actions = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> find("target = ?1 order by seq",
                "deployment:" + name).list().stream().map(e -> e.action).toList());
        assertThat(actions).containsExactly("deployment.created", "deployment.updated", "deployment.rolled-back");
        given().delete("/api/deployments/" + name).then().statusCode(204);
    }

    /** Clients predicting in a loop through the endpoint; every answer that is not a 200 is a failure. */
    static final class SteadyLoad implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger answered = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final List<Thread> clients = new ArrayList<>();

        SteadyLoad(String endpoint, int clients) {
            for (int i = 0; i < clients; i++) {
                this.clients.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        try {
                            var response = predict(endpoint);
                            if (response.statusCode() == 200) {
                                answered.incrementAndGet();
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

        List<String> failures() {
            return List.copyOf(failures);
        }

        int answered() {
            return answered.get();
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
