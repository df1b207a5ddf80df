package dev.cairn.api.tracking;

import static dev.cairn.api.tracking.ExperimentResourceTest.createExperiment;
import static dev.cairn.api.tracking.ExperimentResourceTest.startRun;
import static dev.cairn.api.tracking.ExperimentResourceTest.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ds", roles = "data-scientist")
class RunResourceTest {

    private static String newRun() {
        var experiment = uniqueName("runs");
        createExperiment(experiment);
        return startRun(experiment, "baseline");
    }

    private static void logParams(String run, Map<String, String> params, int expectedStatus) {
        given().contentType(ContentType.JSON).body(params).post("/api/runs/" + run + "/params")
                .then().statusCode(expectedStatus);
    }

    private static void logMetrics(String run, List<Map<String, Object>> metrics) {
        given().contentType(ContentType.JSON).body(metrics).post("/api/runs/" + run + "/metrics")
                .then().statusCode(204);
    }

    @Test
    void showsLoggedParams() {
        // Given
        var run = newRun();
        // When
        logParams(run, Map.of("algorithm", "cart", "max_depth", "6"), 204);
        // Then
        given().get("/api/runs/" + run).then().statusCode(200)
                .body("params.algorithm", equalTo("cart")).body("params.max_depth", equalTo("6"));
    }

    @Test
    void answersAChangedParamWithA409ProblemAndKeepsTheFirstValue() {
        // Given
        var run = newRun();
        logParams(run, Map.of("max_depth", "6"), 204);
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("max_depth", "8"))
                .post("/api/runs/" + run + "/params");
        // Then
        response.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/param-conflict"))
                .body("detail", containsString("max_depth"));
        given().get("/api/runs/" + run).then().body("params.max_depth", equalTo("6"));
    }

    @Test
    void acceptsTheSameParamValueAgain() {
        // Given
        var run = newRun();
        logParams(run, Map.of("seed", "42"), 204);
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("seed", "42"))
                .post("/api/runs/" + run + "/params");
        // Then
        response.then().statusCode(204);
    }

    @Test
    void keepsTheWholeMetricHistoryAndShowsTheHighestStepAsLatest() {
        // Given
        var run = newRun();
        logMetrics(run, List.of(
                Map.of("key", "val/loss", "value", 0.9, "step", 1),
                Map.of("key", "val/loss", "value", 0.5, "step", 3, "timestamp", "2026-01-01T00:00:03Z")));
        // When
        logMetrics(run, List.of(Map.of("key", "val/loss", "value", 0.7, "step", 2)));
        // Then
        given().get("/api/runs/" + run + "/metrics/val/loss").then().statusCode(200)
                .body("step", contains(1, 2, 3))
                .body("value", contains(0.9f, 0.7f, 0.5f))
                .body("[2].timestamp", equalTo("2026-01-01T00:00:03Z"));
        given().get("/api/runs/" + run).then()
                .body("metrics.'val/loss'.value", equalTo(0.5f)).body("metrics.'val/loss'.step", equalTo(3));
    }

    @Test
    void answersAMetricNeverLoggedWithAnEmptyHistory() {
        // Given
        var run = newRun();
        // When
        var response = given().get("/api/runs/" + run + "/metrics/accuracy");
        // Then
        response.then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void refusesAMetricWithoutAValue() {
        // Given
        var run = newRun();
        // When
        var response = given().contentType(ContentType.JSON).body(List.of(Map.of("key", "accuracy")))
                .post("/api/runs/" + run + "/metrics");
        // Then
        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"));
    }

    @Test
    void replacesTagsEvenAfterTheRunEnded() {
        // Given
        var run = newRun();
        given().contentType(ContentType.JSON).body(Map.of("value", "first try")).put("/api/runs/" + run + "/tags/note")
                .then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("status", "FINISHED")).post("/api/runs/" + run + "/finish")
                .then().statusCode(200);
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("value", "baseline"))
                .put("/api/runs/" + run + "/tags/note");
        // Then
        response.then().statusCode(204);
        given().get("/api/runs/" + run).then().body("tags.note", equalTo("baseline"));
    }

    @Test
    void finishingRecordsStatusAndEndTime() {
        // Given
        var run = newRun();
        given().get("/api/runs/" + run).then().body("endTime", nullValue());
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("status", "FAILED"))
                .post("/api/runs/" + run + "/finish");
        // Then
        response.then().statusCode(200).body("status", equalTo("FAILED")).body("endTime", notNullValue());
    }

    @Test
    void refusesMetricsAfterTheRunEnded() {
        // Given
        var run = newRun();
        given().contentType(ContentType.JSON).body(Map.of("status", "FINISHED")).post("/api/runs/" + run + "/finish")
                .then().statusCode(200);
        // When
        var response = given().contentType(ContentType.JSON).body(List.of(Map.of("key", "accuracy", "value", 0.9)))
                .post("/api/runs/" + run + "/metrics");
        // Then
        response.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/run-finished"));
    }

    @Test
    void refusesRunningAsAnEnding() {
        // Given
        var run = newRun();
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("status", "RUNNING"))
                .post("/api/runs/" + run + "/finish");
        // Then
        response.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-run-status")).body("errors.field", hasItem("status"));
    }

    @Test
    void answersAnUnknownRunWithA404Problem() {
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("seed", "1"))
                .post("/api/runs/00000000-0000-0000-0000-000000000000/params");
        // Then
        response.then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    @TestSecurity(user = "oncall", roles = "sre")
    void letsSresReadRunsButNotLogToThem() {
        // Given
        var run = runStartedThroughTheJavaApi();
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("seed", "1")).post("/api/runs/" + run + "/params");
        // Then
        response.then().statusCode(403);
        given().get("/api/runs/" + run).then().statusCode(200);
    }

    /** An sre may not start runs through REST. */
    private static String runStartedThroughTheJavaApi() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Run.startFor(uniqueName("sre-view"), "test").id);
    }
}
