package dev.cairn.api.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.contracts.AlertChanged;
import dev.cairn.contracts.WindowMeasured;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code cairn.alerts} and {@code cairn.monitoring}, each in its own consumer group; an unreadable record fails
 * here and goes to the channel's dead-letter topic with its reason.
 */
@ApplicationScoped
class MonitoringConsumers {
    private final Alerts alerts;
    private final ObjectMapper json;

    MonitoringConsumers(Alerts alerts, ObjectMapper json) {
        this.alerts = alerts;
        this.json = json;
    }

    @Incoming("alerts")
    @Blocking
    @Retry(maxRetries = 3, delay = 200) // wraps the transaction, so each attempt starts clean
    void onAlert(String payload) throws JsonProcessingException {
        alerts.on(json.readValue(payload, AlertChanged.class));
    }

    @Incoming("monitoring")
    @Blocking
    @Retry(maxRetries = 3, delay = 200)
    void onWindow(String payload) throws JsonProcessingException {
        alerts.on(json.readValue(payload, WindowMeasured.class));
    }
}
