package dev.cairn.cli.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {
    @TempDir
    Path repo;

    private StackState starting(long pid) {
        return new StackState(StackState.State.STARTING, pid, "2026-11-23T10:00:00Z", null, "http://127.0.0.1:8080",
                null, "http://127.0.0.1:9000", Map.of("api", 8080, "worker", 9000), "http://127.0.0.1:8180/realms/cairn",
                "http://127.0.0.1:8180", "/r/.cairn/credentials",
                "jdbc:postgresql://localhost:5000/cairn", "postgres", "127.0.0.1:6000", Map.of("platform-api", 42L), null);
    }

    @Test
    void readsBackWhatWasWritten() throws Exception {
        // Given
        var workspace = new Workspace(repo);
        var ready = starting(ProcessHandle.current().pid()).readyIn(Duration.ofMillis(1234), null);
        ready.write(workspace);
        // When
        var read = StackState.read(workspace);
        // Then
        assertThat(read).contains(ready);
        assertThat(Files.readString(workspace.stackFile())).contains("\"state\" : \"READY\"").doesNotContain("swaggerUiUrl");
    }

    @Test
    void isNotReadyOnceItsProcessIsGone() throws Exception {
        // Given
        var gone = new ProcessBuilder("true").start();
        gone.waitFor();
        // When
        var state = starting(gone.pid()).readyIn(Duration.ofSeconds(1), null);
        // Then
        assertThat(state.isAlive()).isFalse();
        assertThat(state.isReady()).isFalse();
    }

    @Test
    void treatsAnUnreadableFileAsNoStack() throws Exception {
        // Given
        var workspace = new Workspace(repo);
        Files.createDirectories(workspace.cairnDir());
        Files.writeString(workspace.stackFile(), "{ not json");
        // When
        var read = StackState.read(workspace);
        // Then
        assertThat(read).isEmpty();
    }
}
