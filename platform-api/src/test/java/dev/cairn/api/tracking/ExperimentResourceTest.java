package dev.cairn.api.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ds", roles = "data-scientist")
class ExperimentResourceTest {

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void createExperiment(String name) {
        given().contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/experiments")
                .then().statusCode(201);
    }

    static String startRun(String experiment, String runName) {
        return given().contentType(ContentType.JSON).body(Map.of("name", runName))
                .post("/api/experiments/" + experiment + "/runs")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void createsAnExperimentThatCanBeReadBack() {
        // Given
        var name = uniqueName("Churn");
        // When
        var response = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "description", "telco churn baselines")).post("/api/experiments");
        // Then
        response.then().statusCode(201).header("Location", endsWith("/api/experiments/" + name))
                .body("name", equalTo(name)).body("createdBy", equalTo("ds"));
        given().get("/api/experiments/" + name).then().statusCode(200)
                .body("description", equalTo("telco churn baselines"));
    }

    @Test
    void refusesASecondExperimentWithTheSameName() {
        // Given
        var name = uniqueName("dup");
        createExperiment(name);
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/experiments");
        // Then
        response.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/experiment-exists"));
    }

    @Test
    void refusesANameThatCannotBeAUrlSegment() {
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("name", "churn/2026")).post("/api/experiments");
        // Then
        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", hasItem("name"));
    }

    @Test
    void answersAnUnknownExperimentWithA404Problem() {
        // When
        var response = given().get("/api/experiments/no-such-experiment");
        // Then
        response.then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void listsRunsNewestFirstOnePageAtATime() throws InterruptedException {
        // Given
        var experiment = uniqueName("paged");
        createExperiment(experiment);
        for (var name : new String[] { "first", "second", "third" }) {
            startRun(experiment, name);
            Thread.sleep(5); // distinct start times
        }
        // When
        var response = given().queryParam("page", 0).queryParam("size", 2).get("/api/experiments/" + experiment + "/runs");
        // Then
        response.then().statusCode(200)
                .body("items.name", contains("third", "second"))
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2));
        given().queryParam("page", 1).queryParam("size", 2).get("/api/experiments/" + experiment + "/runs")
                .then().body("items.name", contains("first"));
    }

    @Test
    void refusesPagesLargerThan500() {
        // Given
        var experiment = uniqueName("big");
        createExperiment(experiment);
        // When
        var response = given().queryParam("size", 501).get("/api/experiments/" + experiment + "/runs");
        // Then
        response.then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void startsARunWithTagsInAnExistingExperimentOnly() {
        // Given
        var experiment = uniqueName("tags");
        createExperiment(experiment);
        // When
        var response = given().contentType(ContentType.JSON)
                .body(Map.of("name", "baseline", "source", "ci/build/17", "tags", Map.of("team", "growth")))
                .post("/api/experiments/" + experiment + "/runs");
        // Then
        response.then().statusCode(201)
                .body("status", equalTo("RUNNING")).body("experiment", equalTo(experiment))
                .body("source", equalTo("ci/build/17")).body("tags.team", equalTo("growth"));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/experiments/missing-one/runs")
                .then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "oncall", roles = "sre")
    void letsSresReadButNotCreate() {
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("name", uniqueName("sre")))
                .post("/api/experiments");
        // Then
        response.then().statusCode(403);
        given().get("/api/experiments").then().statusCode(200).body("items", notNullValue());
    }

    @Test
    @TestSecurity(user = "pipeline", roles = "ci")
    void letsCiCreateExperiments() {
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("name", uniqueName("ci")))
                .post("/api/experiments");
        // Then
        response.then().statusCode(201).body("createdBy", equalTo("pipeline"));
    }

    @Test
    void listsExperimentsByName() {
        // Given
        var prefix = uniqueName("list");
        createExperiment(prefix + "-b");
        createExperiment(prefix + "-a");
        // When
        var response = given().queryParam("size", 500).get("/api/experiments");
        // Then
        response.then().statusCode(200).body("items.findAll { it.name.startsWith('" + prefix + "') }.name",
                contains(prefix + "-a", prefix + "-b"));
        response.then().body("items", hasSize(lessThanOrEqualTo(500)));
    }
}
