package dev.cairn.api.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.contracts.TaskEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds worker events to the orchestrator. Events of one run share a key, hence a partition, hence
 * arrive in order; an unreadable message fails here and goes to the dead-letter topic with its reason.
 */
@ApplicationScoped
class TaskEventConsumer {
    private final Orchestrator orchestrator;
    private final ObjectMapper json;

    TaskEventConsumer(Orchestrator orchestrator, ObjectMapper json) {
        this.orchestrator = orchestrator;
        this.json = json;
    }

    @Incoming("task-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 100) // a concurrent cancel can win the optimistic lock; each attempt starts clean
    void on(String payload) throws JsonProcessingException {
        orchestrator.on(json.readValue(payload, TaskEvent.class));
    }
}
