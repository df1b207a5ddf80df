package dev.cairn.api.monitoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Alert and window records from the real broker, as the API shows them: episodes, filters, decisions, once only. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "sam", roles = "sre")
class AlertResourceTest {

    @Test
    void anEpisodeFiresThenResolvesAndARepeatedRecordChangesNothing() throws Exception {
        // Given
        String deployment = "alerts-" + UUID.randomUUID().toString().substring(0, 8);
        String id = deployment + "-psi";
        publish("cairn.alerts", deployment, alert(id, "FIRING", "DRIFT", deployment, 0.31, "2001-02-01T00:00:00Z"));
        publish("cairn.alerts", deployment, alert(id, "FIRING", "DRIFT", deployment, 0.31, "2001-02-01T00:00:00Z"));
        publish("cairn.alerts", deployment, alert(deployment + "-latency", "FIRING", "HEALTH", deployment, 120,
                "2001-02-01T00:00:00Z"));
        // When
        publish("cairn.alerts", deployment, alert(id, "RESOLVED", "DRIFT", deployment, 0.05, "2001-02-02T00:00:00Z"));
        // Then
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(given()
                .get("/api/alerts?deployment=" + deployment + "&kind=DRIFT").then().extract().path("items[0].state")));
        given().get("/api/alerts?deployment=" + deployment).then().statusCode(200).body("total", equalTo(2));
        given().get("/api/alerts?deployment=" + deployment + "&kind=DRIFT").then()
                .body("total", equalTo(1))
                .body("items[0].alertId", equalTo(id))
                .body("items[0].firedAt", equalTo("2001-02-01T00:00:00Z"))
                .body("items[0].resolvedAt", equalTo("2001-02-02T00:00:00Z"))
                .body("items[0].value", equalTo(0.31f))
                .body("items[0].resolvedValue", equalTo(0.05f))
                // the package is no registered model version: the policy says so and starts nothing
                .body("items[0].retraining.decision", equalTo("SKIPPED"))
                .body("items[0].retraining.runId", nullValue())
                .body("items[0].retraining.reason", containsString("is not a registered model version"));
        given().get("/api/alerts?deployment=" + deployment + "&state=FIRING").then()
                .body("total", equalTo(1))
                .body("items[0].kind", equalTo("HEALTH"))
                .body("items[0].retraining", nullValue());
    }

    @Test
    void aWindowIsKeptOnceAndServedPerFeature() throws Exception {
        // Given
        String deployment = "drift-" + UUID.randomUUID().toString().substring(0, 8);
        // When the same window arrives twice, then a later one
        publish("cairn.monitoring", deployment, window(deployment, "2001-01-31T00:00:00Z", 0.02));
        publish("cairn.monitoring", deployment, window(deployment, "2001-01-31T00:00:00Z", 0.02));
        publish("cairn.monitoring", deployment, window(deployment, "2001-02-28T00:00:00Z", 0.31));
        // Then
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/deployments/" + deployment + "/drift")
                .then().extract().<Integer>path("windows.size()") == 2);
        given().get("/api/deployments/" + deployment + "/drift?feature=dow").then().statusCode(200)
                .body("windows.size()", equalTo(2))
                .body("windows[0].windowEnd", equalTo("2001-01-31T00:00:00Z"))
                .body("windows[1].features.size()", equalTo(1))
                .body("windows[1].features[0].psi", equalTo(0.31f))
                .body("windows[1].features[0].ks", nullValue());
        given().get("/api/deployments/" + deployment + "/drift?feature=month").then().statusCode(404)
                .body("detail", containsString("measured: distance, dow"));
        given().get("/api/deployments/nothing-here/drift").then().statusCode(404);
    }

    private static String alert(String id, String state, String kind, String deployment, double value, String at) {
        return """
                {"version":1,"alertId":"%s","state":"%s","kind":"%s","deploymentId":"%s","modelVersion":"1",
                 "modelPackage":"%s","rule":"r","feature":"dow","metric":"psi","value":%s,"threshold":0.2,
                 "windowPredictions":1000,"message":"m","at":"%s"}""".formatted(id, state, kind, deployment,
                "f".repeat(64), value, at);
    }

    private static String window(String deployment, String end, double psi) {
        return """
                {"version":1,"deploymentId":"%s","modelVersion":"1","modelPackage":"%s",
                 "windowStart":"2001-01-01T00:00:00Z","windowEnd":"%s","predictions":1000,"driftScored":true,
                 "features":[{"feature":"dow","kind":"categorical","psi":%s,"chiSquarePValue":0.5},
                             {"feature":"distance","kind":"numeric","psi":0.01,"ks":0.02,"ksPValue":0.9}],
                 "performance":{"labelled":0},"health":{"requests":1000,"errors":0},"at":"%s"}"""
                .formatted(deployment, "f".repeat(64), end, psi, end);
    }

    private static void publish(String topic, String key, String value) throws Exception {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}
