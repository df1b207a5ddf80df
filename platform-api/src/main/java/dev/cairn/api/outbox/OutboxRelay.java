package dev.cairn.api.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends outbox messages to Kafka in id order and deletes them once the broker has acknowledged them.
 * Woken right after a commit so a run's next task leaves in milliseconds; a periodic sweep catches
 * what a crash or a broker outage left behind.
 */
@ApplicationScoped
class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration SWEEP = Duration.ofMillis(500);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<String> tasks;
    private final KafkaClientService kafka;
    /** Partitions per topic, asked of the producer once: a chosen partition is taken modulo this. */
    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    OutboxRelay(@Channel("tasks") Emitter<String> tasks, KafkaClientService kafka) {
        this.tasks = tasks;
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = Thread.ofVirtual().name("outbox-relay").start(this::loop);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wake();
        thread.join(Duration.ofSeconds(5));
    }

    void wake() {
        wakeUps.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.tryAcquire(SWEEP.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                while (running && relayBatch() == BATCH) {
                    // a full batch means more may be waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay could not send, will retry: %s", e.getMessage());
            }
        }
    }

    /** Sends one batch inside one transaction: the rows disappear only if every send was acknowledged. */
    private int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            var batch = OutboxMessage.lockOldest(BATCH);
            var acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(acks).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            batch.forEach(OutboxMessage::delete);
            return batch.size();
        });
    }

    private int partitions(String topic) {
        return partitions.computeIfAbsent(topic, t -> kafka.<String, String>getProducer("tasks").partitionsFor(t)
                .await().atMost(ACK_TIMEOUT).size());
    }

    private CompletableFuture<Void> send(OutboxMessage row) {
        var acked = new CompletableFuture<Void>();
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withTopic(row.topic).withKey(row.key);
        if (row.partition != null) {
            // Modulo, so that a topic with fewer partitions than the scheduler assumed still gets every message.
            metadata.withPartition(Math.floorMod(row.partition, partitions(row.topic)));
        }
        tasks.send(Message.of(row.payload).addMetadata(metadata.build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
