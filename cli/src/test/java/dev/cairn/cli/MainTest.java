package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void answersAnUnknownCommandWithUsage() {
        // Given
        var printed = new ByteArrayOutputStream();
        // When
        int exit = Main.run(List.of("deploy-everything"), new PrintStream(printed, true, StandardCharsets.UTF_8));
        // Then
        assertThat(exit).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Usage: ./cairn", "up", "down", "status", "demo",
                "run <spec.yaml> [--wait] [--timeout 30m]", "promote <model> <version>", "rollback <model>", "audit verify");
    }
}
