package dev.cairn.api.deployments.kubernetes;

import dev.cairn.api.deployments.DeploymentConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The runtime's two config mappings as SmallRye Config builds them (defaults included), with test overrides. */
final class TestConfigs {

    private final SmallRyeConfig config;

    private TestConfigs(Map<String, String> overrides) {
        var values = new HashMap<>(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092",
                "cairn.store.root", "/tmp/cairn-store",
                "cairn.deployments.kubernetes.namespace", "models",
                "cairn.deployments.kubernetes.image", "registry.example/cairn/inference-server:1.2.3",
                "cairn.deployments.kubernetes.poll-interval", "20ms",
                "cairn.deployments.drain", "200ms",
                "cairn.deployments.ready-timeout", "60s"));
        values.putAll(overrides);
        config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter()) // "500ms", as Quarkus reads it
                .withMapping(KubernetesConfig.class).withMapping(DeploymentConfig.class)
                .withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    static TestConfigs with(Map<String, String> overrides) {
        return new TestConfigs(overrides);
    }

    static TestConfigs standard() {
        return new TestConfigs(Map.of());
    }

    KubernetesConfig kubernetes() {
        return config.getConfigMapping(KubernetesConfig.class);
    }

    DeploymentConfig deployments() {
        return config.getConfigMapping(DeploymentConfig.class);
    }
}
