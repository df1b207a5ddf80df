package dev.cairn.monitoring.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.monitoring.window.WindowReport;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes every closed window's figures on {@code cairn.monitoring} (keyed by deployment id), so the control plane
 * can answer "drift over time per feature" while monitoring itself keeps no history.
 */
@ApplicationScoped
public class WindowPublisher {

    private final Emitter<String> windows;
    private final ObjectMapper json;

    WindowPublisher(@Channel("monitoring") Emitter<String> windows, ObjectMapper json) {
        this.windows = windows;
        this.json = json;
    }

    public void publish(WindowReport report) {
        String body;
        try {
            body = json.writeValueAsString(WindowMeasurement.of(report, Instant.now()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a window record cannot be written as JSON", e);
        }
        windows.send(Message.of(body).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(report.deploymentId()).build()));
    }
}
