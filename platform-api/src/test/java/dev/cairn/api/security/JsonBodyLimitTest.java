package dev.cairn.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.api.problem.Problem;
import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** JSON bodies are bounded (cairn.http.max-json-bytes, 1 MiB) although uploads may stream gigabytes. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class JsonBodyLimitTest {
    private static final int ONE_MIB = 1024 * 1024;

    @TestHTTPResource("/api/experiments")
    URI experiments;

    /** Whitespace is valid JSON and lets a body be large without tripping the API's own field limits. */
    private static String paddedExperiment(String name, int padding) {
        return "{\"name\":\"" + name + "\"" + " ".repeat(padding) + "}";
    }

    private static String unique() {
        return "limit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void refusesAJsonBodyOverTheLimitAndStoresNothing() {
        // Given
        var name = unique();
        var body = paddedExperiment(name, ONE_MIB);
        // When
        var response = given().contentType(ContentType.JSON).body(body).post("/api/experiments");
        // Then
        response.then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("/problems/request-too-large")).body("status", equalTo(413));
        given().get("/api/experiments/" + name).then().statusCode(404);
    }

    @Test
    void acceptsAJsonBodyUnderTheLimit() {
        // Given
        var body = paddedExperiment(unique(), ONE_MIB - 100);
        // When
        var response = given().contentType(ContentType.JSON).body(body).post("/api/experiments");
        // Then
        response.then().statusCode(201);
    }

    @Test
    void refusesAChunkedJsonBodyWithoutALength() throws Exception {
        // Given: an input-stream publisher has no length, so the client sends the body in chunks
        var bytes = paddedExperiment(unique(), 10).getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(experiments).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        // When
        HttpResponse<String> response;
        try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        // Then
        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(response.body()).contains("/problems/length-required");
    }

    @Test
    void recognisesJsonMediaTypes() {
        assertThat(JsonBodyLimit.isJson("application/json; charset=UTF-8")).isTrue();
        assertThat(JsonBodyLimit.isJson("application/merge-patch+json")).isTrue();
        assertThat(JsonBodyLimit.isJson("text/csv")).isFalse();
        assertThat(JsonBodyLimit.isJson("application/yaml")).isFalse();
        assertThat(JsonBodyLimit.isJson(null)).isFalse();
    }

}
