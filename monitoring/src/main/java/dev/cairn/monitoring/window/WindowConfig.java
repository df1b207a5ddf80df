package dev.cairn.monitoring.window;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How prediction events are cut into windows, and the bounds that keep memory fixed per deployment. */
@ConfigMapping(prefix = "monitoring.window")
public interface WindowConfig {

    enum Kind {
        /** A window closes after {@link #events()} predictions. */
        COUNT,
        /** Tumbling windows of {@link #duration()} by event time; an idle window closes after one duration. */
        TIME
    }

    @WithDefault("count")
    Kind kind();

    /** Predictions per window (count windows). */
    @WithDefault("10000")
    int events();

    /** Window length (time windows). */
    @WithDefault("15m")
    Duration duration();

    /** Windows with fewer predictions are reported but not scored for drift: their statistics are mostly noise. */
    @WithDefault("500")
    int minEvents();

    /** Categories never seen in training tracked one by one per feature and window; further ones share one slot. */
    @WithDefault("50")
    int maxNewCategories();

    /** Pods tracked one by one per deployment and window; further ones share the pod "other". */
    @WithDefault("64")
    int maxPods();

    /** Predictions kept waiting for their true label, per deployment. */
    @WithDefault("100000")
    int feedbackCapacity();

    /** How long a prediction waits for its label. */
    @WithDefault("24h")
    Duration feedbackTtl();

    /** Deployment × model version pairs tracked at once; events of further ones are counted and dropped. */
    @WithDefault("1000")
    int maxMonitors();
}
