package dev.cairn.monitoring.window;

import java.time.Duration;

/** Window settings for plain unit tests. */
public record TestWindowConfig(Kind kind, int events, Duration duration, int minEvents, int maxNewCategories,
        int maxPods, int feedbackCapacity, Duration feedbackTtl, int maxMonitors) implements WindowConfig {

    public static TestWindowConfig countOf(int events) {
        return new TestWindowConfig(Kind.COUNT, events, Duration.ofMinutes(15), 1, 2, 4, 1000, Duration.ofHours(1),
                10);
    }

    public static TestWindowConfig timeOf(Duration duration) {
        return new TestWindowConfig(Kind.TIME, 1000, duration, 1, 2, 4, 1000, Duration.ofHours(1), 10);
    }
}
