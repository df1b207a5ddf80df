package dev.cairn.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @ParameterizedTest
    @CsvSource({"400, 2", "404, 2", "409, 2", "413, 2", "422, 2", "401, 4", "403, 4", "502, 4", "503, 4", "504, 4", "500, 1"})
    void mapsWhatTheApiAnsweredToWhatCiCanActOn(int status, int expected) {
        // Given
        IOException refused = ApiException.of("PUT /api/models/churn/aliases/production", status, "", new ObjectMapper());
        // When
        int exit = ExitCode.of(refused);
        // Then
        assertThat(exit).isEqualTo(expected);
    }

    @Test
    void treatsAPlatformThatDoesNotAnswerAsAConnectionError() {
        // Given
        IOException unreachable = new ConnectException("Connection refused");
        // When
        int exit = ExitCode.of(unreachable);
        // Then
        assertThat(exit).isEqualTo(ExitCode.AUTH_OR_CONNECTION);
    }
}
