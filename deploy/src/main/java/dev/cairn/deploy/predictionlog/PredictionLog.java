package dev.cairn.deploy.predictionlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.contracts.PredictionLogged;
import dev.cairn.deploy.inference.Answer;
import dev.cairn.deploy.inference.Endpoint;
import dev.cairn.deploy.model.ServedModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a sample of predictions to {@code cairn.predictions}, keyed by deployment id, off the request path: a
 * request thread only draws the sample and offers the prediction to a bounded queue (no I/O, no JSON, no lock held
 * while sending); one sender thread turns queued predictions into {@link PredictionLogged} records for Kafka. When
 * the queue is full the prediction is dropped and counted: monitoring loses a sample, clients lose nothing.
 */
@ApplicationScoped
public class PredictionLog {

    private final PredictionLogConfig config;
    private final ServedModel served;
    private final ObjectMapper json;
    private final BlockingQueue<QueuedPrediction> queue;
    private final Counter dropped;
    private final Counter published;
    private final Counter failed;
    private volatile PredictionSender sender;

    PredictionLog(PredictionLogConfig config, ServedModel served, ObjectMapper json, MeterRegistry registry) {
        this.config = config;
        this.served = served;
        this.json = json;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.dropped = Counter.builder("cairn.predictions.dropped")
                .description("Sampled predictions not published because the send queue was full").register(registry);
        this.published = Counter.builder("cairn.predictions.published").register(registry);
        this.failed = Counter.builder("cairn.predictions.failed")
                .description("Predictions Kafka refused or timed out").register(registry);
    }

    void onStart(@Observes StartupEvent started) {
        if (config.enabled()) {
            sender = new PredictionSender(config, queue, this::toRecord, json, published, failed);
            sender.start();
        }
    }

    void onStop(@Observes ShutdownEvent stopping) {
        if (sender != null) {
            sender.close();
        }
    }

    /** Called on the request thread: never blocks. */
    public void offer(Answer answer, Map<String, String> features, Endpoint endpoint, long latencyNanos) {
        if (sender == null || ThreadLocalRandom.current().nextDouble() >= config.sampleRate()) {
            return;
        }
        if (!queue.offer(new QueuedPrediction(answer, features, endpoint, latencyNanos, System.currentTimeMillis()))) {
            dropped.increment();
        }
    }

    private PredictionLogged toRecord(QueuedPrediction p) {
        return new PredictionLogged(PredictionLogged.CURRENT_VERSION, p.answer().predictionId(),
                served.deploymentId(), served.name(), served.version(), served.modelPackage(), p.features(),
                p.answer().label(), p.answer().probabilities(), TimeUnit.NANOSECONDS.toMicros(p.latencyNanos()),
                p.endpoint().tag(), Instant.ofEpochMilli(p.atMillis()));
    }
}
