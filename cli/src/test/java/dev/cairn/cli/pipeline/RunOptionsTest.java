package dev.cairn.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.cairn.cli.UsageException;

class RunOptionsTest {

    @Test
    void submitsWithoutWaitingByDefault() throws Exception {
        // Given
        var words = List.of("demo/churn-pipeline.yaml");
        // When
        var options = RunOptions.parse(words);
        // Then
        assertThat(options).isEqualTo(new RunOptions(Path.of("demo/churn-pipeline.yaml"), false, Duration.ofMinutes(30)));
    }

    @Test
    void takesTheTimeoutInEitherSpelling() throws Exception {
        // Given
        var words = List.of("--wait", "--timeout=45m", "spec.yaml");
        // When
        var options = RunOptions.parse(words);
        // Then
        assertThat(options).isEqualTo(new RunOptions(Path.of("spec.yaml"), true, Duration.ofMinutes(45)));
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "30m, PT30M", "2h, PT2H", "1h30m, PT1H30M", "PT45M, PT45M"})
    void readsDurationsPeopleWrite(String text, String expected) throws Exception {
        // Given
        var written = text;
        // When
        var duration = RunOptions.duration(written);
        // Then
        assertThat(duration).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0m", "-5m", "30", "30 minutes", "m", "1x", "PT0S"})
    void rejectsDurationsThatAreNotPositive(String text) {
        // Given
        var written = text;
        // When
        var thrown = catchThrowable(() -> RunOptions.duration(written));
        // Then
        assertThat(thrown).isInstanceOf(UsageException.class).hasMessageContaining("positive duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.yaml b.yaml", "--wait", "a.yaml --timeout 5m", "a.yaml --wait --timeout", "a.yaml --force"})
    void rejectsCommandLinesItCannotRun(String line) {
        // Given
        var words = line.isEmpty() ? List.<String>of() : List.of(line.split(" "));
        // When
        var thrown = catchThrowable(() -> RunOptions.parse(words));
        // Then
        assertThat(thrown).isInstanceOf(UsageException.class);
    }
}
