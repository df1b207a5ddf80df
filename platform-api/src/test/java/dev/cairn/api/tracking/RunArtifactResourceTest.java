package dev.cairn.api.tracking;

import static dev.cairn.api.tracking.ExperimentResourceTest.createExperiment;
import static dev.cairn.api.tracking.ExperimentResourceTest.startRun;
import static dev.cairn.api.tracking.ExperimentResourceTest.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import dev.cairn.api.TestData;
import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ds", roles = "data-scientist")
class RunArtifactResourceTest {
    private static final byte[] REPORT = "{\"accuracy\": 0.8}\n".getBytes(StandardCharsets.UTF_8);

    private static String newRun() {
        var experiment = uniqueName("artifacts");
        createExperiment(experiment);
        return startRun(experiment, "with-files");
    }

    @Test
    void storesAnArtifactByContentAndStreamsTheSameBytesBack() {
        // Given
        var run = newRun();
        // When
        var upload = given().contentType("application/json").body(REPORT).put("/api/runs/" + run + "/artifacts/report.json");
        // Then
        upload.then().statusCode(201)
                .body("sha256", equalTo(TestData.sha256(REPORT))).body("sizeBytes", equalTo(REPORT.length));
        var download = given().get("/api/runs/" + run + "/artifacts/report.json");
        download.then().statusCode(200).contentType("application/json")
                .header("ETag", equalTo("\"" + TestData.sha256(REPORT) + "\""));
        assertThat(download.asByteArray()).isEqualTo(REPORT);
    }

    @Test
    void streamsArtifactsLargerThanAnHttpBodyBuffer() {
        // Given
        var run = newRun();
        var model = new byte[12 * 1024 * 1024];
        new Random(42).nextBytes(model);
        // When
        var upload = given().contentType("application/octet-stream").body(model)
                .put("/api/runs/" + run + "/artifacts/model.bin");
        // Then
        upload.then().statusCode(201).body("sha256", equalTo(TestData.sha256(model)));
        assertThat(given().get("/api/runs/" + run + "/artifacts/model.bin").asByteArray()).isEqualTo(model);
    }

    @Test
    void listsArtifactsByName() {
        // Given
        var run = newRun();
        given().contentType("text/plain").body("b").put("/api/runs/" + run + "/artifacts/b.txt").then().statusCode(201);
        given().contentType("text/plain").body("a").put("/api/runs/" + run + "/artifacts/a.txt").then().statusCode(201);
        // When
        var response = given().get("/api/runs/" + run + "/artifacts");
        // Then
        response.then().statusCode(200).body("name", contains("a.txt", "b.txt"))
                .body("contentType", everyItem(startsWith("text/plain")));
    }

    @Test
    void acceptsTheSameBytesAgainAndRefusesOtherBytesUnderATakenName() {
        // Given
        var run = newRun();
        given().contentType("text/plain").body("v1").put("/api/runs/" + run + "/artifacts/notes.txt")
                .then().statusCode(201);
        // When
        var same = given().contentType("text/plain").body("v1").put("/api/runs/" + run + "/artifacts/notes.txt");
        var other = given().contentType("text/plain").body("v2").put("/api/runs/" + run + "/artifacts/notes.txt");
        // Then
        same.then().statusCode(200);
        other.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/artifact-exists"));
    }

    @Test
    void refusesArtifactsForARunThatEnded() {
        // Given
        var run = newRun();
        given().contentType(ContentType.JSON).body(Map.of("status", "KILLED")).post("/api/runs/" + run + "/finish")
                .then().statusCode(200);
        // When
        var response = given().contentType("text/plain").body("late").put("/api/runs/" + run + "/artifacts/late.txt");
        // Then
        response.then().statusCode(409).body("type", equalTo("/problems/run-finished"));
    }

    @Test
    void refusesNamesThatAreNotPlainFileNames() {
        // Given
        var run = newRun();
        // When
        var response = given().contentType("text/plain").body("x").put("/api/runs/" + run + "/artifacts/.hidden");
        // Then
        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"));
    }

    @Test
    void answersAnUnknownArtifactWithA404Problem() {
        // Given
        var run = newRun();
        // When
        var response = given().get("/api/runs/" + run + "/artifacts/missing.bin");
        // Then
        response.then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    @TestSecurity(user = "oncall", roles = "sre")
    void refusesUploadsFromSres() {
        // When
        var response = given().contentType("text/plain").body("x")
                .put("/api/runs/00000000-0000-0000-0000-000000000000/artifacts/x.txt");
        // Then
        response.then().statusCode(403);
    }
}
