package dev.cairn.api.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A Kafka message waiting to be sent: written in the transaction whose state change implies it. */
@Entity
@Table(name = "outbox")
class OutboxMessage extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String topic;
    @jakarta.persistence.Column(name = "message_key")
    String key;
    String payload;
    /** Null: Kafka picks the partition from the key. */
    @jakarta.persistence.Column(name = "task_partition")
    Integer partition;
    Instant createdAt;

    static OutboxMessage of(String topic, String key, Integer partition, String payload) {
        var message = new OutboxMessage();
        message.partition = partition;
        message.topic = topic;
        message.key = key;
        message.payload = payload;
        message.createdAt = Instant.now();
        return message;
    }

    /**
     * The oldest unsent messages, locked so that several control-plane replicas can relay side by
     * side without sending a message twice on purpose (Kafka delivery stays at-least-once).
     */
    @SuppressWarnings("unchecked")
    static List<OutboxMessage> lockOldest(int limit) {
        return getEntityManager()
                .createNativeQuery("select * from outbox order by id limit ?1 for update skip locked", OutboxMessage.class)
                .setParameter(1, limit)
                .getResultList();
    }
}
