package dev.cairn.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cairn.cli.FakePlatform;
import dev.cairn.cli.UsageException;
import dev.cairn.cli.launch.Workspace;

class AliasCommandTest {
    private static final String MOVED = "{\"model\":\"churn\",\"alias\":\"production\",\"version\":%d,"
            + "\"updatedBy\":\"service-account-cairn-ci\",\"updatedAt\":\"2026-11-23T12:00:00Z\"}";

    @TempDir
    Path repo;
    private FakePlatform platform;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private AliasCommand command;

    @BeforeEach
    void platform() throws Exception {
        platform = new FakePlatform();
        command = new AliasCommand(new Workspace(repo), platform.ciEnvironment(), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void promotesToProductionUnlessAnotherAliasIsNamed() throws Exception {
        // Given
        var words = List.of("churn", "4");
        // When
        var move = AliasCommand.Move.promotion(words);
        // Then
        assertThat(move).isEqualTo(new AliasCommand.Move("churn", "production", 4));
    }

    @Test
    void rollsBackTheNamedAlias() throws Exception {
        // Given
        var words = List.of("--alias", "champion", "churn");
        // When
        var move = AliasCommand.Move.rollback(words);
        // Then
        assertThat(move).isEqualTo(new AliasCommand.Move("churn", "champion", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"churn", "churn four", "churn 0", "churn -1", "churn 4 5", "churn 4 --alias", "churn 4 --force"})
    void rejectsPromotionsItCannotMake(String line) {
        // Given
        var words = List.of(line.split(" "));
        // When
        var thrown = catchThrowable(() -> AliasCommand.Move.promotion(words));
        // Then
        assertThat(thrown).isInstanceOf(UsageException.class);
    }

    @Test
    void putsTheVersionAndSaysWhereTheAliasPointsNow() throws Exception {
        // Given
        platform.answer("PUT", "/api/models/churn/aliases/production", 200, MOVED.formatted(4));
        // When
        int exit = command.promote(List.of("churn", "4"));
        // Then
        assertThat(exit).isZero();
        assertThat(platform.requests()).containsExactly("PUT /api/models/churn/aliases/production Bearer token-1 {\"version\":4}");
        assertThat(printed()).contains("churn@production -> version 4", "service-account-cairn-ci");
    }

    @Test
    void postsARollbackOfTheAlias() throws Exception {
        // Given
        platform.answer("POST", "/api/models/churn/aliases/production/rollback", 200, MOVED.formatted(3));
        // When
        int exit = command.rollback(List.of("churn"));
        // Then
        assertThat(exit).isZero();
        assertThat(printed()).contains("Rolled back churn@production -> version 3");
    }

    @Test
    void exitsFourWhenTheCallerMayNotMoveAProtectedAlias() throws Exception {
        // Given
        platform.answer("PUT", "/api/models/churn/aliases/production", 403, "");
        // When
        int exit = command.promote(List.of("churn", "4"));
        // Then
        assertThat(exit).isEqualTo(4);
    }

    @Test
    void exitsTwoWhenThereIsNothingToRollBackTo() throws Exception {
        // Given
        platform.answer("POST", "/api/models/churn/aliases/production/rollback", 409,
                "{\"title\":\"Nothing to roll back to\",\"status\":409,\"detail\":\"production has never moved\"}");
        // When
        int exit = command.rollback(List.of("churn"));
        // Then
        assertThat(exit).isEqualTo(2);
        assertThat(printed()).contains("Nothing to roll back to", "production has never moved");
    }

    @Test
    void exitsTwoWithUsageWithoutCallingTheApi() throws Exception {
        // Given
        var words = List.of("churn", "latest");
        // When
        int exit = command.promote(words);
        // Then
        assertThat(exit).isEqualTo(2);
        assertThat(printed()).contains("expected a version number", "Usage: ./cairn promote");
        assertThat(platform.requests()).isEmpty();
    }
}
