package dev.cairn.monitoring.event;

import com.fasterxml.jackson.core.JsonFactory;
import dev.cairn.monitoring.ClosedWindows;
import dev.cairn.monitoring.window.Monitors;
import dev.cairn.monitoring.window.PredictionSample;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code cairn.predictions} → windows. Records arrive in batches (one Kafka poll each) as raw bytes and are decoded
 * with the streaming parser into one reused sample; a record that is not a prediction is counted and skipped, since
 * one bad event must not stop monitoring (nor be retried forever).
 */
@ApplicationScoped
class PredictionsConsumer {

    private final Monitors monitors;
    private final ClosedWindows closed;
    private final PredictionDecoder decoder;
    private final PredictionSample sample = new PredictionSample();
    private final Counter consumed;
    private final Counter rejected;

    PredictionsConsumer(Monitors monitors, ClosedWindows closed, JsonFactory json, MeterRegistry registry) {
        this.monitors = monitors;
        this.closed = closed;
        this.decoder = new PredictionDecoder(json);
        this.consumed = Counter.builder("cairn.monitoring.predictions").description("Prediction events consumed")
                .register(registry);
        this.rejected = Counter.builder("cairn.monitoring.events.rejected").tag("topic", "cairn.predictions")
                .description("Records that were not prediction events").register(registry);
    }

    @Incoming("predictions")
    @Blocking
    void consume(List<byte[]> batch) {
        long now = System.currentTimeMillis();
        for (byte[] record : batch) {
            if (decoder.decode(record, sample)) {
                monitors.onPrediction(sample, now).ifPresent(closed::accept);
            } else {
                rejected.increment();
            }
        }
        consumed.increment(batch.size());
    }
}
