package dev.cairn.api.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceProcessTest {

    @TempDir
    Path app;

    private DeploymentConfig config(String aotCache) {
        return new SmallRyeConfigBuilder().withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(DeploymentConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("cairn.deployments.server-jar",
                        app.resolve("quarkus-run.jar").toString(), "cairn.deployments.aot-cache", aotCache,
                        "kafka.bootstrap.servers", "127.0.0.1:9092", "cairn.store.root", app.toString()), "test", 500))
                .build().getConfigMapping(DeploymentConfig.class);
    }

    @Test
    void startsServersWithTheCacheTheBuildWroteBesideTheJarOnJdk25() throws IOException {
        // Given
        Files.createFile(app.resolve("app.aot"));
        // When
        var cache = InferenceProcess.aotCache(config("true"));
        // Then: the servers run on this JVM; before JDK 25 they could not take the option
        if (Runtime.version().feature() >= 25) {
            assertThat(cache).contains(app.resolve("app.aot"));
        } else {
            assertThat(cache).isEmpty();
        }
    }

    @Test
    void startsServersWithoutACacheWhenThereIsNone() {
        // When
        var cache = InferenceProcess.aotCache(config("true"));
        // Then
        assertThat(cache).isEmpty();
    }

    @Test
    void startsServersWithoutTheCacheWhenItIsTurnedOff() throws IOException {
        // Given
        Files.createFile(app.resolve("app.aot"));
        // When
        var cache = InferenceProcess.aotCache(config("false"));
        // Then
        assertThat(cache).isEmpty();
    }
}
