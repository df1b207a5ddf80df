package dev.cairn.api.datasets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.cairn.api.TestData;
import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class DatasetResourceTest {

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void registersTheChurnDataSetWithItsInferredSchema() {
        // When
        var response = given().contentType("text/csv").body(TestData.churnCsv()).post("/api/datasets/telco-churn");
        // Then
        response.then().statusCode(201)
                .header("Location", containsString("/api/datasets/telco-churn/versions/1"))
                .body("version", equalTo(1))
                .body("rows", equalTo(7043))
                .body("sha256", equalTo(TestData.sha256(TestData.churnCsv())))
                .body("schema.columns", hasSize(20))
                .body("schema.columns.find { it.name == 'total_charges' }.type", equalTo("NUMERIC"))
                .body("schema.columns.find { it.name == 'total_charges' }.missing", equalTo(11))
                .body("schema.columns.find { it.name == 'churn' }.type", equalTo("CATEGORICAL"))
                .body("schema.columns.find { it.name == 'churn' }.distinct", equalTo(2))
                .body("schema.columns.find { it.name == 'contract' }.distinct", equalTo(3));
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void theSameBytesUploadedAgainReturnTheExistingVersion() {
        // Given
        var csv = "a,b\n1,x\n2,y\n";
        given().contentType("text/csv").body(csv).post("/api/datasets/twice").then().statusCode(201);
        // When
        var again = given().contentType("text/csv").body(csv).post("/api/datasets/twice");
        // Then
        again.then().statusCode(200).body("version", equalTo(1));
        given().get("/api/datasets/twice").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void acceptsQuotedCommasAndNewlinesABomAndCrlfAndCustomMissingTokens() {
        // Given
        var csv = "\uFEFFname,\"plan type\",bonus\r\n\"Smith, J\",\"gold\nplus\",None\r\nLee,basic,-\r\n";
        // When
        var response = given().contentType("text/csv").queryParam("missing", "-")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/datasets/quoted");
        // Then
        response.then().statusCode(201)
                .body("rows", equalTo(2))
                .body("schema.columns[1].name", equalTo("plan type"))
                .body("schema.columns[2].missing", equalTo(1))
                .body("schema.columns[2].distinct", equalTo(1));
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("ragged", "a,b\n1,2\n3\n", "malformed-csv", "has 1 field"),
                Arguments.of("empty", "", "malformed-csv", "empty"),
                Arguments.of("header-only", "a,b\n", "empty-dataset", "no rows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    @TestSecurity(user = "ana", roles = "data-scientist")
    void refusesMalformedFilesAndLeavesNothingBehind(String label, String csv, String slug, String detail) {
        // When
        var response = given().contentType("text/csv").body(csv).post("/api/datasets/bad-" + label);
        // Then
        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/" + slug))
                .body("detail", containsString(detail));
        given().get("/api/datasets/bad-" + label).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void refusesBytesThatAreNotUtf8() {
        // Given
        var latin1 = "name,city\nJosé,Zürich\n".getBytes(StandardCharsets.ISO_8859_1);
        // When
        var response = given().contentType("text/csv").body(latin1).post("/api/datasets/latin1");
        // Then
        response.then().statusCode(400).body("type", equalTo("/problems/malformed-csv"))
                .body("detail", containsString("UTF-8"));
        given().get("/api/datasets/latin1").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void refusesNamesThatCouldEscapeTheStore() {
        // When
        var response = given().contentType("text/csv").body("a\n1\n").post("/api/datasets/..%2Fetc");
        // Then
        response.then().statusCode(400).body("type", equalTo("/problems/invalid-dataset-name"));
    }

    @Test
    void anonymousCallersAreRefused() {
        given().contentType("text/csv").body("a\n1\n").post("/api/datasets/anon").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "sam", roles = "sre")
    void sresMayReadButNotUpload() {
        given().contentType("text/csv").body("a\n1\n").post("/api/datasets/sre").then().statusCode(403);
        given().get("/api/datasets").then().statusCode(200);
    }
}
