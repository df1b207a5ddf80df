package dev.cairn.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.monitoring.reference.Reference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MonitorsTest {

    private static PredictionSample sample(String deployment, String version, String id) {
        var s = new PredictionSample();
        s.deploymentId = deployment;
        s.modelVersion = version;
        s.predictionId = id;
        s.label = "late";
        return s;
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfMonitors() {
        // Given room for two (deployment, version) pairs
        var config = new TestWindowConfig(WindowConfig.Kind.COUNT, 100, Duration.ofMinutes(1), 1, 2, 4, 10,
                Duration.ofHours(1), 2);
        var monitors = new Monitors(config, Reference::none);
        monitors.onPrediction(sample("a", "1", "p1"), 0);
        monitors.onPrediction(sample("a", "2", "p2"), 0);
        // When
        monitors.onPrediction(sample("b", "1", "p3"), 0);
        // Then
        assertThat(monitors.dropped()).isEqualTo(1);
    }

    @Test
    void joinsALabelToThePredictionOfAnyVersionOfItsDeployment() {
        // Given a canary (version 2) next to the stable version
        var monitors = new Monitors(TestWindowConfig.countOf(100), Reference::none);
        monitors.onPrediction(sample("a", "1", "stable-1"), 0);
        monitors.onPrediction(sample("a", "2", "canary-1"), 0);
        // When
        boolean canary = monitors.onFeedback("a", "canary-1", "late", 0);
        boolean otherDeployment = monitors.onFeedback("b", "stable-1", "late", 0);
        // Then
        assertThat(canary).isTrue();
        assertThat(otherDeployment).isFalse();
    }
}
