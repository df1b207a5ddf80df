package dev.cairn.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitoring service against the real embedded Kafka, on real flights: a model trained on January, then
 * predictions from held-out January rows and from February rows (windows of 4,000, see the %test properties).
 * February 2001 has exactly four of each weekday where January has five Mondays, Tuesdays and Wednesdays: the
 * weekday mix of the traffic moved, and the chi-square rule (p below 0.001) must say so, while held-out January must
 * raise nothing.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlightsDriftAlertTest {

    private static final FlightsSlice FLIGHTS = FlightsSlice.read();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cairn.store.root")
    Path storeRoot;
    @Inject
    ObjectMapper json;

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> alerts;

    @BeforeEach
    void connect() {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        var consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        alerts = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
        alerts.subscribe(List.of("cairn.alerts"));
    }

    @AfterEach
    void close() {
        producer.close();
        alerts.close();
    }

    @Test
    @Order(1)
    void raisesADriftAlertWhenFebruaryTrafficMeetsAJanuaryModel() throws Exception {
        // Given a January model and a window of held-out January predictions, then a window of February ones
        var model = FlightsModel.trainAndStore(new FilesystemArtifactStorage(storeRoot), FLIGHTS.part("train"));
        sendPredictions("flights-drift", model, FLIGHTS.part("january"));
        // When
        sendPredictions("flights-drift", model, FLIGHTS.part("february"));
        // Then
        var received = new ArrayList<JsonNode>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            alerts.poll(Duration.ofMillis(200)).forEach(r -> received.add(read(r.value())));
            assertThat(received).anySatisfy(a -> {
                assertThat(a.get("deploymentId").asText()).isEqualTo("flights-drift");
                assertThat(a.get("state").asText()).isEqualTo("FIRING");
                assertThat(a.get("kind").asText()).isEqualTo("DRIFT");
                assertThat(a.get("feature").asText()).isEqualTo("dow");
                assertThat(a.get("rule").asText()).isEqualTo("categorical-shift");
                assertThat(a.get("windowStart").asText()).startsWith("2001-02");
            });
        });
        assertThat(received).filteredOn(a -> a.get("deploymentId").asText().equals("flights-drift"))
                .noneSatisfy(a -> assertThat(a.get("windowStart").asText()).startsWith("2001-01"));
        assertThat(metricsLine("cairn_monitoring_drift{", "flights-drift", "feature=\"dow\"",
                "statistic=\"chi_square_p_value\"")).isNotNull();
    }

    @Test
    @Order(2)
    void measuresAccuracyOnceTrueLabelsArrive() throws Exception {
        // Given February predictions and their true labels, joined while the March window is open
        var model = FlightsModel.trainAndStore(new FilesystemArtifactStorage(storeRoot), FLIGHTS.part("train"));
        List<Map<String, String>> february = FLIGHTS.part("february");
        sendPredictions("flights-feedback", model, february);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> metricsLine("cairn_monitoring_window_predictions{", "flights-feedback") != null);
        for (int i = 0; i < february.size(); i++) {
            var feedback = Map.of("version", 1, "predictionId", "flights-feedback-" + i, "deploymentId",
                    "flights-feedback", "label", february.get(i).get("delayed"), "at", "2001-03-01T00:00:00Z");
            producer.send(new ProducerRecord<>("cairn.feedback", "flights-feedback", json.writeValueAsString(feedback)));
        }
        producer.flush();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String line = metricsLine("cairn_monitoring_feedback_total{", "matched=\"true\"");
            return line != null && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= february.size();
        });
        long correct = february.stream().filter(r -> model.predict(r).equals(r.get("delayed"))).count();
        // When the March window closes
        sendPredictions("flights-feedback", model, FLIGHTS.part("march"), february.size());
        // Then its accuracy is the model's accuracy on the February rows, counted exactly
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String line = metricsLine("cairn_monitoring_performance{", "flights-feedback", "metric=\"accuracy\"");
            assertThat(line).isNotNull();
            assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .isEqualTo((double) correct / february.size());
        });
    }

    /** Runs last, when every kind of figure has been exported at least once. */
    @Test
    @Order(3)
    void grafanaDashboardQueriesOnlyMetricsTheServiceExports() throws Exception {
        // Given
        String dashboard = Files.readString(Path.of("..", "deploy", "grafana", "cairn-monitoring.json"));
        var queried = new TreeSet<String>();
        Matcher names = Pattern.compile("cairn_monitoring_[a-z_]+").matcher(dashboard);
        while (names.find()) {
            queried.add(names.group());
        }
        // When
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        var exported = body.lines().filter(l -> l.startsWith("cairn_monitoring_"))
                .map(l -> l.substring(0, l.indexOf(l.contains("{") ? '{' : ' '))).collect(Collectors.toSet());
        // Then
        assertThat(queried).hasSizeGreaterThan(8);
        assertThat(exported).containsAll(queried);
    }

    private void sendPredictions(String deployment, FlightsModel.Stored model, List<Map<String, String>> rows)
            throws Exception {
        sendPredictions(deployment, model, rows, 0);
    }

    /** As the inference server logs them (the PredictionLogged record's JSON), timed at the flight's departure. */
    private void sendPredictions(String deployment, FlightsModel.Stored model, List<Map<String, String>> rows,
            int firstId) throws Exception {
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var event = new LinkedHashMap<String, Object>();
            event.put("version", 1);
            event.put("predictionId", deployment + "-" + (firstId + i));
            event.put("deploymentId", deployment);
            event.put("model", "delays");
            event.put("modelVersion", "1");
            event.put("modelPackage", model.packageSha256());
            event.put("features", FlightsModel.Stored.features(row));
            event.put("label", model.predict(row));
            event.put("probabilities", Map.of());
            event.put("latencyMicros", 300 + (i % 50) * 10);
            event.put("endpoint", "predict");
            event.put("at", row.get("date").replace(' ', 'T') + "Z");
            producer.send(new ProducerRecord<>("cairn.predictions", deployment, json.writeValueAsString(event)));
        }
        producer.flush();
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("not JSON on cairn.alerts: " + value, e);
        }
    }

    /** The Prometheus line that starts with {@code prefix} and holds every fragment, or null. */
    private static String metricsLine(String prefix, String... fragments) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith(prefix))
                .filter(l -> java.util.Arrays.stream(fragments).allMatch(l::contains)).findFirst().orElse(null);
    }
}
