package dev.cairn.api.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The only way the control plane sends Kafka messages: they are stored with the state change that
 * implies them and relayed after commit, so a crash can delay a message but never lose or invent one.
 */
@ApplicationScoped
public class Outbox {
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Must run inside the caller's transaction; the relay is woken once that transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String topic, String key, Object message) {
        send(topic, key, null, message);
    }

    /** As {@link #send(String, String, Object)}, on a chosen partition (taken modulo the topic's partitions). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String topic, String key, Integer partition, Object message) {
        OutboxMessage.of(topic, key, partition, toJson(message)).persist();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String toJson(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
