package dev.cairn.deploy.predictionlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.deploy.inference.Answer;
import dev.cairn.deploy.inference.Endpoint;
import dev.cairn.deploy.model.ServedModel;
import dev.cairn.deploy.model.ServingConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionLogTest {

    record Config(boolean enabled, double sampleRate, int queueCapacity, String topic, String bootstrapServers)
            implements PredictionLogConfig {
    }

    record Serving(String modelName, String modelVersion, String modelPackage, String deploymentId, int warmupRows,
            Duration warmupBudget) implements ServingConfig {

        @Override
        public boolean aotTraining() {
            return false;
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ServedModel served = new ServedModel(new Serving("churn", "3", "a".repeat(64), "churn-prod", 0, Duration.ZERO));
    private final Answer answer = new Answer("id", "No", Map.of("No", 0.9, "Yes", 0.1));

    @Test
    void neverBlocksARequestAndCountsWhatItDropsWhileKafkaIsUnreachable() {
        // Given: nothing listens on port 9, so the sender blocks on its first record and the queue (2) fills
        var log = new PredictionLog(new Config(true, 1.0, 2, "cairn.predictions", "127.0.0.1:9"), served,
                new ObjectMapper(), registry);
        log.onStart(null);
        try {
            // When
            long start = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                log.offer(answer, Map.of("tenure", "1"), Endpoint.PREDICT, 1_000);
            }
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            // Then: at most the queue and what the sender took are kept; a thousand offers take no broker time
            assertThat(registry.counter("cairn.predictions.dropped").count()).isGreaterThanOrEqualTo(1_000 - 2 - 512);
            assertThat(tookMillis).isLessThan(500);
        } finally {
            log.onStop(null);
        }
    }

    @Test
    void publishesNothingWhenTheSampleRateIsZero() {
        // Given
        var log = new PredictionLog(new Config(true, 0.0, 2, "cairn.predictions", "127.0.0.1:9"), served,
                new ObjectMapper(), registry);
        log.onStart(null);
        try {
            // When
            for (int i = 0; i < 100; i++) {
                log.offer(answer, Map.of("tenure", "1"), Endpoint.PREDICT, 1_000);
            }
            // Then: none sampled, so none queued and none dropped
            assertThat(registry.counter("cairn.predictions.dropped").count()).isZero();
        } finally {
            log.onStop(null);
        }
    }
}
