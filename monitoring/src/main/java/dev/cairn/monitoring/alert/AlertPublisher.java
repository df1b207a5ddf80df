package dev.cairn.monitoring.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.contracts.AlertChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends alert changes to {@code cairn.alerts} (keyed by deployment id, so one deployment's alerts stay in order) and,
 * when configured, to a webhook. The webhook is best effort: a slow or failing receiver is logged, never retried, and
 * never holds up monitoring.
 */
@ApplicationScoped
public class AlertPublisher {

    private static final Logger LOG = Logger.getLogger(AlertPublisher.class);

    private final Emitter<String> alerts;
    private final ObjectMapper json;
    private final AlertConfig config;
    private final MeterRegistry registry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    AlertPublisher(@Channel("alerts") Emitter<String> alerts, ObjectMapper json, AlertConfig config,
            MeterRegistry registry) {
        this.alerts = alerts;
        this.json = json;
        this.config = config;
        this.registry = registry;
    }

    public void publish(AlertChanged alert) {
        String body;
        try {
            body = json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert record cannot be written as JSON", e);
        }
        LOG.infof("Alert %s: %s", alert.state(), alert.message());
        alerts.send(Message.of(body).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(alert.deploymentId()).build()));
        Counter.builder("cairn.monitoring.alerts").description("Alert state changes published")
                .tags("deployment", alert.deploymentId(), "rule", alert.rule(), "state", alert.state().name())
                .register(registry).increment();
        config.webhookUrl().ifPresent(url -> post(url, body));
    }

    private void post(String url, String body) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                LOG.warnf("The alert webhook %s could not be reached: %s", url, error.getMessage());
            } else if (response.statusCode() >= 300) {
                LOG.warnf("The alert webhook %s answered %d", url, response.statusCode());
            }
        });
    }
}
