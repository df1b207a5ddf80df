package dev.cairn.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DevStackResourceTest {

    @Test
    void givesEveryQuarkusStartTheSameServersAndStore() {
        // Given
        var first = new DevStackResource().start();
        // When
        var second = new DevStackResource().start();
        // Then
        assertThat(second).isEqualTo(first);
        assertThat(first).containsOnlyKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                "quarkus.datasource.password", "kafka.bootstrap.servers", "cairn.store.root");
        assertThat(first.get("quarkus.datasource.jdbc.url")).startsWith("jdbc:postgresql://localhost:").endsWith("/cairn");
        assertThat(first.get("kafka.bootstrap.servers")).startsWith("127.0.0.1:");
        assertThat(Path.of(first.get("cairn.store.root"))).isDirectory().isAbsolute()
                .satisfies(root -> assertThat(root.getParent().getFileName()).hasToString("target"));
    }
}
