package dev.cairn.worker.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.contracts.TaskEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes task events to {@code cairn.task-events}, keyed by run id so that a run's events stay in order. */
@ApplicationScoped
class TaskEventPublisher {

    private final MutinyEmitter<String> emitter;

    TaskEventPublisher(@Channel("task-events") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Returns once the broker has the event, so STARTED is always written before the step's outcome. */
    void publish(TaskEvent event) {
        String json;
        try {
            json = TaskJson.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.runId()).build();
        emitter.sendMessageAndAwait(Message.of(json).addMetadata(metadata));
    }
}
