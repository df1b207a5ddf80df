package dev.cairn.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.problem.ConflictException;
import dev.cairn.api.problem.InvalidRequestException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunTest {

    private static Run running() {
        var run = new Run();
        run.id = "run-1";
        run.status = RunStatus.RUNNING;
        run.startTime = Instant.EPOCH;
        return run;
    }

    private static Run ended() {
        var run = running();
        run.finish(RunStatus.FINISHED);
        return run;
    }

    @Test
    void recordsParamsAsStrings() {
        // Given
        var run = running();
        // When
        run.logParams(Map.of("learning_rate", 0.1, "epochs", 10, "algorithm", "cart"));
        // Then
        assertThat(run.params()).containsExactlyInAnyOrderEntriesOf(
                Map.of("learning_rate", "0.1", "epochs", "10", "algorithm", "cart"));
    }

    @Test
    void skipsParamsWithoutAValue() {
        // Given
        var run = running();
        var values = new HashMap<String, Object>();
        values.put("split.validation", null);
        values.put("split.test", 0.2);
        // When
        run.logParams(values);
        // Then
        assertThat(run.params()).containsExactlyEntriesOf(Map.of("split.test", "0.2"));
    }

    @Test
    void acceptsTheSameParamValueAgain() {
        // Given
        var run = running();
        run.logParams(Map.of("epochs", "10"));
        // When
        run.logParams(Map.of("epochs", "10"));
        // Then
        assertThat(run.params()).containsExactlyEntriesOf(Map.of("epochs", "10"));
    }

    @Test
    void refusesToChangeAParamAndRecordsNothingOfThatRequest() {
        // Given
        var run = running();
        run.logParams(Map.of("epochs", "10"));
        // When
        var thrown = assertThatThrownBy(() -> run.logParams(Map.of("epochs", "20", "seed", "7")));
        // Then
        thrown.isInstanceOf(ConflictException.class).hasMessageContaining("epochs")
                .extracting(e -> ((ConflictException) e).slug()).isEqualTo("param-conflict");
        assertThat(run.params()).containsExactlyEntriesOf(Map.of("epochs", "10"));
    }

    @Test
    void refusesNewParamsAfterTheRunEnded() {
        // Given
        var run = ended();
        // When
        var thrown = assertThatThrownBy(() -> run.logParams(Map.of("epochs", "10")));
        // Then
        thrown.isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).slug()).isEqualTo("run-finished");
    }

    @Test
    void acceptsReplayedParamsAfterTheRunEnded() {
        // Given
        var run = running();
        run.logParams(Map.of("epochs", "10"));
        run.finish(RunStatus.FINISHED);
        // When
        run.logParams(Map.of("epochs", "10"));
        // Then
        assertThat(run.params()).containsExactlyEntriesOf(Map.of("epochs", "10"));
    }

    @Test
    void refusesKeysWithCharactersOutsideTheRule() {
        // Given
        var run = running();
        // When
        var thrown = assertThatThrownBy(() -> run.logParams(Map.of("learning rate", "0.1")));
        // Then
        thrown.isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).slug()).isEqualTo("invalid-param-key");
    }

    @Test
    void endsWithTheGivenStatusAndAnEndTime() {
        // Given
        var run = running();
        // When
        run.finish(RunStatus.FAILED);
        // Then
        assertThat(run.status).isEqualTo(RunStatus.FAILED);
        assertThat(run.endTime).isNotNull();
    }

    @Test
    void endingTwiceTheSameWayKeepsTheFirstEndTime() {
        // Given
        var run = ended();
        var firstEnd = run.endTime;
        // When
        run.finish(RunStatus.FINISHED);
        // Then
        assertThat(run.endTime).isSameAs(firstEnd);
    }

    @Test
    void refusesToEndAnEndedRunDifferently() {
        // Given
        var run = ended();
        // When
        var thrown = assertThatThrownBy(() -> run.finish(RunStatus.KILLED));
        // Then
        thrown.isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).slug()).isEqualTo("run-already-finished");
    }

    @Test
    void refusesRunningAsAnEnding() {
        // Given
        var run = running();
        // When
        var thrown = assertThatThrownBy(() -> run.finish(RunStatus.RUNNING));
        // Then
        thrown.isInstanceOf(InvalidRequestException.class);
        assertThat(run.endTime).isNull();
    }

    @Test
    void keepsTagsEditableAfterTheEnd() {
        // Given
        var run = running();
        run.setTag("note", "first try");
        run.finish(RunStatus.FINISHED);
        // When
        run.setTag("note", "baseline");
        // Then
        assertThat(run.tags()).containsExactlyEntriesOf(Map.of("note", "baseline"));
    }

    @Test
    void acceptsTheSameArtifactBytesAgainButNotOtherBytesUnderATakenName() {
        // Given
        var run = running();
        var first = new RunArtifact("a".repeat(64), 3, "text/plain", Instant.EPOCH);
        run.attachArtifact("notes.txt", first);
        // When
        boolean again = run.attachArtifact("notes.txt", first);
        var thrown = assertThatThrownBy(() -> run.attachArtifact("notes.txt",
                new RunArtifact("b".repeat(64), 3, "text/plain", Instant.EPOCH)));
        // Then
        assertThat(again).isFalse();
        thrown.isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).slug()).isEqualTo("artifact-exists");
        assertThat(run.artifacts().get("notes.txt")).isEqualTo(first);
    }
}
