package dev.cairn.deploy.predictionlog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cairn.contracts.PredictionLogged;
import dev.cairn.deploy.Readiness;
import dev.cairn.deploy.ServingStackResource;
import dev.cairn.deploy.Customers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ServingStackResource.class)
class PredictionsTopicTest {

    @BeforeEach
    void modelIsReady() {
        Readiness.await();
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void publishesEachPredictionKeyedByDeploymentWithFeaturesOutputAndLatency() throws Exception {
        // Given
        var features = Customers.loyal();
        // When
        String id = given().contentType(ContentType.JSON).body(Map.of("features", features)).post("/predict")
                .then().statusCode(200).extract().path("predictionId");
        // Then
        ConsumerRecord<String, String> published = find(id);
        assertThat(published.key()).isEqualTo(ServingStackResource.DEPLOYMENT);
        PredictionLogged logged = json.readValue(published.value(), PredictionLogged.class);
        assertThat(logged.deploymentId()).isEqualTo(ServingStackResource.DEPLOYMENT);
        assertThat(logged.model()).isEqualTo("churn");
        assertThat(logged.modelVersion()).isEqualTo("3");
        assertThat(logged.features()).containsEntry("tenure", "34").containsEntry("contract", "One year")
                .containsEntry("monthly_charges", "56.95");
        assertThat(logged.label()).isIn("No", "Yes");
        assertThat(logged.probabilities()).containsOnlyKeys("No", "Yes");
        assertThat(logged.latencyMicros()).isPositive();
        assertThat(logged.endpoint()).isEqualTo("predict");
    }

    private static ConsumerRecord<String, String> find(String predictionId) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("cairn.predictions"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value().contains(predictionId)) {
                        return record;
                    }
                    seen.add(record.key());
                }
            }
            throw new AssertionError("prediction " + predictionId + " not published; saw " + seen.size() + " others");
        }
    }
}
