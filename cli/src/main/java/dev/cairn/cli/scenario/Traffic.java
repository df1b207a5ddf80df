package dev.cairn.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Clients of the deployment: they score flights in batches through its endpoint, and later the true outcome of each
 * flight arrives as feedback on {@code cairn.feedback} (a {@code FeedbackGiven} record), joined by prediction id.
 */
final class Traffic implements AutoCloseable {
    private static final int BATCH = 500;
    /** Held, so the level stays: the producer's configuration dump would bury the scenario's own output. */
    private static final Logger KAFKA_LOG = Logger.getLogger("org.apache.kafka");

    static {
        KAFKA_LOG.setLevel(Level.WARNING);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final KafkaProducer<String, String> feedback;

    Traffic(String kafka) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        feedback = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** @return how many answers matched the true label */
    long predictAndLabel(String endpoint, String deployment, List<String> features, List<String[]> rows)
            throws IOException, InterruptedException {
        long correct = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            var instances = batch.stream().map(r -> {
                var row = new LinkedHashMap<String, String>();
                for (int i = 0; i < features.size(); i++) {
                    row.put(features.get(i), r[i]);
                }
                return row;
            }).toList();
            var response = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/predict"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("instances", instances))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("The deployment answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode predictions = json.readTree(response.body()).path("predictions");
            for (int i = 0; i < batch.size(); i++) {
                var truth = batch.get(i)[features.size()];
                var answer = predictions.get(i);
                correct += truth.equals(answer.path("label").asText()) ? 1 : 0;
                var record = Map.of("version", 1, "predictionId", answer.path("predictionId").asText(),
                        "deploymentId", deployment, "label", truth, "at", Instant.now().toString());
                feedback.send(new ProducerRecord<>("cairn.feedback", deployment, json.writeValueAsString(record)));
            }
        }
        feedback.flush();
        return correct;
    }

    @Override
    public void close() {
        feedback.close();
    }
}
