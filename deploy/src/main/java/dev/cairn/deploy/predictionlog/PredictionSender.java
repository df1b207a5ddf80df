package dev.cairn.deploy.predictionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.contracts.PredictionLogged;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/** The one thread that drains the prediction queue into a Kafka producer. */
final class PredictionSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PredictionSender.class);
    private static final int BATCH = 512;

    private final PredictionLogConfig config;
    private final BlockingQueue<QueuedPrediction> queue;
    private final Function<QueuedPrediction, PredictionLogged> toRecord;
    private final ObjectMapper json;
    private final Counter published;
    private final Counter failed;
    private final KafkaProducer<String, String> producer;
    private final Thread thread;
    private volatile boolean running = true;

    PredictionSender(PredictionLogConfig config, BlockingQueue<QueuedPrediction> queue, Function<QueuedPrediction, PredictionLogged> toRecord,
            ObjectMapper json, Counter published, Counter failed) {
        this.config = config;
        this.queue = queue;
        this.toRecord = toRecord;
        this.json = json;
        this.published = published;
        this.failed = failed;
        this.producer = new KafkaProducer<>(producerProperties(config), new StringSerializer(), new StringSerializer());
        this.thread = Thread.ofPlatform().name("cairn-prediction-sender").daemon().unstarted(this::run);
    }

    /**
     * Predictions are telemetry: one broker acknowledgement is enough, batches wait up to 20 ms to fill, and a send
     * blocks the sender (never a request) for at most 2 s when the broker is unreachable.
     */
    private static Properties producerProperties(PredictionLogConfig config) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "cairn-inference");
        return props;
    }

    void start() {
        thread.start();
    }

    private void run() {
        List<QueuedPrediction> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                QueuedPrediction first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                batch.forEach(this::send);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed.increment(batch.size());
                LOG.warnf("Predictions could not be sent to %s: %s", config.topic(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    private void send(QueuedPrediction queued) {
        PredictionLogged record = toRecord.apply(queued);
        String value;
        try {
            value = json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            failed.increment();
            return;
        }
        producer.send(new ProducerRecord<>(config.topic(), record.deploymentId(), value), (metadata, error) -> {
            if (error == null) {
                published.increment();
            } else {
                failed.increment();
            }
        });
    }

    /** Sends what is queued, waiting up to 3 s for the queue and 2 s for the broker: shutdown must not hang. */
    @Override
    public void close() {
        running = false;
        try {
            if (!thread.join(Duration.ofSeconds(3))) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(2));
    }
}
