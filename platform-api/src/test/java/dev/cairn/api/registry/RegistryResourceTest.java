package dev.cairn.api.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
class RegistryResourceTest {

    static String uniqueModel() {
        return "churn-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a version as a pipeline run does; returns its number. */
    static int register(String model) {
        var pipelineRun = UUID.randomUUID().toString();
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.register(model, TestManifests.churn(),
                TestManifests.MANIFEST_SHA, pipelineRun, "tracking-" + pipelineRun.substring(0, 8)).version);
    }

    private static void pointAlias(String model, String alias, int version) {
        given().contentType(ContentType.JSON).body(Map.of("version", version))
                .put("/api/models/" + model + "/aliases/" + alias).then().statusCode(200);
    }

    @Test
    void showsAVersionWithEverythingNeededToServeAndExplainIt() {
        // Given
        var model = uniqueModel();
        register(model);
        // When
        var response = given().get("/api/models/" + model + "/versions/1");
        // Then
        response.then().statusCode(200)
                .body("name", equalTo(model)).body("version", equalTo(1))
                .body("metrics.f1_macro", equalTo(0.71f))
                .body("labels", contains("No", "Yes"))
                .body("inputSignature.name", contains("tenure", "contract"))
                .body("inputSignature[1].type", equalTo("CATEGORICAL"))
                .body("lineage.dataset", equalTo("telco-churn")).body("lineage.datasetVersion", equalTo(3))
                .body("lineage.pipelineRunId", notNullValue()).body("lineage.runId", notNullValue())
                .body("manifestSha256", equalTo(TestManifests.MANIFEST_SHA))
                .body("aliases", empty())
                .body("createdAt", notNullValue());
    }

    @Test
    void listsVersionsNewestFirstAndTheModelWithItsLatestVersion() {
        // Given
        var model = uniqueModel();
        register(model);
        register(model);
        // When
        var versions = given().get("/api/models/" + model + "/versions");
        // Then
        versions.then().statusCode(200).body("items.version", contains(2, 1)).body("total", equalTo(2));
        given().get("/api/models/" + model).then().statusCode(200).body("latestVersion", equalTo(2));
        given().queryParam("size", 500).get("/api/models").then().statusCode(200).body("items.name", hasItem(model));
    }

    @Test
    void movesAnAliasFromOneVersionToAnother() {
        // Given
        var model = uniqueModel();
        register(model);
        register(model);
        pointAlias(model, "champion", 1);
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("version", 2))
                .put("/api/models/" + model + "/aliases/champion");
        // Then
        response.then().statusCode(200).body("version", equalTo(2)).body("updatedBy", equalTo("ds"));
        given().get("/api/models/" + model + "/aliases/champion").then().statusCode(200).body("version", equalTo(2));
        given().get("/api/models/" + model + "/versions/2").then().body("aliases", contains("champion"));
        given().get("/api/models/" + model + "/versions/1").then().body("aliases", empty());
        given().get("/api/models/" + model).then().body("aliases.champion", equalTo(2));
    }

    @Test
    void deletesAnAliasButKeepsTheVersion() {
        // Given
        var model = uniqueModel();
        register(model);
        pointAlias(model, "staging", 1);
        // When
        var response = given().delete("/api/models/" + model + "/aliases/staging");
        // Then
        response.then().statusCode(204);
        given().get("/api/models/" + model + "/aliases/staging").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/models/" + model + "/versions/1").then().statusCode(200);
    }

    @Test
    void answersUnknownModelsAndVersionsWith404Problems() {
        // Given
        var model = uniqueModel();
        register(model);
        // When
        var unknownVersion = given().get("/api/models/" + model + "/versions/9");
        // Then
        unknownVersion.then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found")).body("detail", equalTo(
                        "Model '" + model + "' has no version 9"));
        given().get("/api/models/no-such-model").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/models/no-such-model/versions/1").then().statusCode(404);
    }

    @Test
    void refusesAnAliasNameOutsideTheRule() {
        // Given
        var model = uniqueModel();
        register(model);
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("version", 1))
                .put("/api/models/" + model + "/aliases/Prod_1");
        // Then
        response.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-alias-name")).body("errors.field", hasItem("alias"));
    }

    @Test
    void refusesToPointAnAliasAtAnUnknownVersion() {
        // Given
        var model = uniqueModel();
        register(model);
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("version", 5))
                .put("/api/models/" + model + "/aliases/staging");
        // Then
        response.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-version")).body("errors.field", hasItem("version"));
        given().get("/api/models/" + model + "/aliases/staging").then().statusCode(404);
    }

    @Test
    void refusesAnAliasRequestWithoutAVersion() {
        // Given
        var model = uniqueModel();
        register(model);
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of()).put("/api/models/" + model + "/aliases/staging");
        // Then
        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"));
    }

    @Test
    @TestSecurity(user = "oncall", roles = "sre")
    void letsSresReadButNotMoveAliases() {
        // Given
        var model = uniqueModel();
        register(model);
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("version", 1))
                .put("/api/models/" + model + "/aliases/production");
        // Then
        response.then().statusCode(403);
        given().delete("/api/models/" + model + "/aliases/production").then().statusCode(403);
        given().get("/api/models/" + model + "/versions/1").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "pipeline", roles = "ci")
    void refusesProductionAliasMovesFromCiWithoutReleaseManager() {
        // Given
        var model = uniqueModel();
        register(model);
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("version", 1))
                .put("/api/models/" + model + "/aliases/production");
        // Then
        response.then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/protected-alias"));
    }
}
