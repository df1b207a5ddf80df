package dev.cairn.deploy.inference;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.deploy.Readiness;
import dev.cairn.deploy.ServingStackResource;
import dev.cairn.deploy.Customers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ServingStackResource.class)
class MetricsTest {

    @BeforeEach
    void modelIsReady() {
        Readiness.await();
    }

    private static double metric(String text, String line) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(line) + " ([0-9.E+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    private static String scrape() {
        return when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void countsRequestsErrorsAndLatencyPerEndpoint() {
        // Given
        String before = scrape();
        // When: two good requests and one bad one
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(Map.of("features", Customers.loyal()))
                    .post("/predict").then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body(Map.of("features", Map.of("tenure", "x"))).post("/predict")
                .then().statusCode(400);
        // Then
        String after = scrape();
        String requests = "cairn_inference_requests_total{endpoint=\"predict\"}";
        String errors = "cairn_inference_errors_total{endpoint=\"predict\",reason=\"invalid-request\"}";
        String latencyCount = "cairn_inference_latency_seconds_count{endpoint=\"predict\"}";
        assertThat(metric(after, requests) - metric(before, requests)).isEqualTo(3.0);
        assertThat(metric(after, errors) - metric(before, errors)).isEqualTo(1.0);
        assertThat(metric(after, latencyCount) - metric(before, latencyCount)).isEqualTo(2.0);
        // Buckets start at 10 µs: an answer takes microseconds, and p99 must be computable from them.
        assertThat(after).contains("cairn_inference_latency_seconds_bucket{endpoint=\"predict\",le=\"1.0E-5\"}");
    }
}
