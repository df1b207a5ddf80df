package dev.cairn.deploy.predictionlog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How predictions reach {@code cairn.predictions}. */
@ConfigMapping(prefix = "cairn.serving.predictions")
public interface PredictionLogConfig {

    /** Off: nothing is published and no Kafka connection is made (a server used only for a benchmark or a demo). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Share of predictions published, 0 to 1. Drift statistics need thousands of rows per window, not every row:
     * at high rates a sample keeps the broker and monitoring proportionate to what they need.
     */
    @WithDefault("1.0")
    double sampleRate();

    /**
     * Predictions waiting to be sent. When Kafka is slow or down the queue fills and further predictions are
     * dropped and counted ({@code cairn_predictions_dropped_total}) instead of slowing or failing responses.
     */
    @WithDefault("10000")
    int queueCapacity();

    @WithDefault("cairn.predictions")
    String topic();

    /** Kafka bootstrap servers; the same key the other services read. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();
}
