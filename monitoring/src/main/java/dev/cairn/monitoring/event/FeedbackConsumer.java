package dev.cairn.monitoring.event;

import com.fasterxml.jackson.core.JsonFactory;
import dev.cairn.monitoring.window.Monitors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code cairn.feedback} → true labels joined to their predictions, counted in the open windows. */
@ApplicationScoped
class FeedbackConsumer {

    private final Monitors monitors;
    private final FeedbackDecoder decoder;
    private final Counter matched;
    private final Counter unmatched;
    private final Counter rejected;

    FeedbackConsumer(Monitors monitors, JsonFactory json, MeterRegistry registry) {
        this.monitors = monitors;
        this.decoder = new FeedbackDecoder(json);
        this.matched = Counter.builder("cairn.monitoring.feedback").tag("matched", "true").register(registry);
        this.unmatched = Counter.builder("cairn.monitoring.feedback").tag("matched", "false")
                .description("Labels whose prediction was unknown, expired or already labelled").register(registry);
        this.rejected = Counter.builder("cairn.monitoring.events.rejected").tag("topic", "cairn.feedback")
                .register(registry);
    }

    @Incoming("feedback")
    @Blocking
    void consume(List<byte[]> batch) {
        long now = System.currentTimeMillis();
        for (byte[] record : batch) {
            decoder.decode(record).ifPresentOrElse(
                    f -> (monitors.onFeedback(f.deploymentId(), f.predictionId(), f.label(), now) ? matched : unmatched)
                            .increment(),
                    rejected::increment);
        }
    }
}
