package dev.cairn.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.cli.FakePlatform;
import dev.cairn.cli.launch.Workspace;

class AuditVerifyCommandTest {
    @TempDir
    Path repo;
    private FakePlatform platform;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private AuditVerifyCommand command;

    @BeforeEach
    void platform() throws Exception {
        platform = new FakePlatform();
        command = new AuditVerifyCommand(new Workspace(repo), platform.ciEnvironment(), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitsZeroWhenTheChainVerifies() throws Exception {
        // Given
        platform.answer("GET", "/api/audit/verify", 200, "{\"valid\":true,\"entries\":12,\"firstBrokenSeq\":null,\"headHash\":\"ab12\"}");
        // When
        int exit = command.run(List.of("verify"));
        // Then
        assertThat(exit).isZero();
        assertThat(printed()).contains("{valid: true, entries: 12, firstBrokenSeq: null}", "head hash ab12");
    }

    @Test
    void exitsOneAndNamesTheFirstBrokenEntryWhenTampered() throws Exception {
        // Given
        platform.answer("GET", "/api/audit/verify", 200, "{\"valid\":false,\"entries\":12,\"firstBrokenSeq\":7,"
                + "\"reason\":\"hash does not match its content\"}");
        // When
        int exit = command.run(List.of("verify"));
        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("{valid: false, entries: 12, firstBrokenSeq: 7}", "entry 7", "hash does not match");
    }

    @Test
    void exitsTwoForAnythingButVerify() throws Exception {
        // Given
        var words = List.of("rewrite");
        // When
        int exit = command.run(words);
        // Then
        assertThat(exit).isEqualTo(2);
        assertThat(platform.requests()).isEmpty();
    }
}
