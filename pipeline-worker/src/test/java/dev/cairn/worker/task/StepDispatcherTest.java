package dev.cairn.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.contracts.PipelineSpec;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final PipelineSpec SPEC = new PipelineSpec("p", "d@1", "y", Map.of(), null);
    private final TaskEvents events = new TaskEvents("host/1", Clock.fixed(NOW, ZoneOffset.UTC));

    private static TaskCommand command(StepName step, PipelineSpec spec) {
        return new TaskCommand(1, "task-7", 2, "run-3", step, spec, null, Map.of());
    }

    interface Body {
        StepResult run(TaskCommand command) throws java.io.IOException;
    }

    private static Step step(StepName name, Body body) {
        return new Step() {
            @Override
            public StepName name() {
                return name;
            }

            @Override
            public StepResult run(TaskCommand command) throws java.io.IOException {
                return body.run(command);
            }
        };
    }

    @Test
    void keepsANetworksCurvesBesideItsLog() {
        // Given a train step that measured two epochs
        var curves = Map.of("loss", List.of(0.9, 0.5));
        var result = new StepResult(Map.of("model", "abc"), Map.of(), Map.of(), curves);
        var dispatcher = new StepDispatcher(List.of(step(StepName.TRAIN, c -> result)), events);
        // When
        var event = dispatcher.run(command(StepName.TRAIN, SPEC));
        // Then
        assertThat(event.curves()).isEqualTo(curves);
        assertThat(event.report()).containsKey("log");
    }

    @Test
    void answersWithTheStepsResult() {
        // Given
        var result = new StepResult(Map.of("cleaned", "abc"), Map.of("rows_out", 3.0), Map.of("note", "ok"));
        var dispatcher = new StepDispatcher(List.of(step(StepName.CLEAN, c -> result)), events);
        // When
        var event = dispatcher.run(command(StepName.CLEAN, SPEC));
        // Then
        assertThat(event).usingRecursiveComparison().ignoringFields("report").isEqualTo(new TaskEvent(1, "task-7", 2,
                "run-3", StepName.CLEAN, TaskEvent.Status.SUCCEEDED, null, Map.of("cleaned", "abc"),
                Map.of("rows_out", 3.0), Map.of(), "host/1", NOW));
        assertThat(event.report()).containsEntry("note", "ok").containsKey("log");
    }

    @Test
    void sendsTheLinesTheStepLoggedWithItsAnswerBoundedToTheLastFifty() {
        // Given a step that logs 60 lines through java.util.logging (as Tribuo does) and then fails
        var dispatcher = new StepDispatcher(List.of(step(StepName.TRAIN, c -> {
            var logger = java.util.logging.Logger.getLogger("org.tribuo.Trainer");
            for (int i = 1; i <= 60; i++) {
                logger.info("round " + i);
            }
            logger.fine("below INFO: not kept");
            throw new StepFailure("no rows left");
        })), events, Clock.fixed(NOW, ZoneOffset.UTC));
        // When
        var event = dispatcher.run(command(StepName.TRAIN, SPEC));
        // Then the failure carries the last lines, oldest first, with how many were dropped
        @SuppressWarnings("unchecked")
        var log = (List<String>) event.report().get("log");
        assertThat(event.reason()).isEqualTo("no rows left");
        assertThat(log).hasSize(StepLog.LINES + 1);
        // 1 start line + 60 rounds (+ the dispatcher's own "failed" line) + 1 end line, of which the last 50 are kept
        assertThat(log.getFirst()).matches("\\(1[23] earlier lines dropped\\)");
        assertThat(log).anyMatch(line -> line.endsWith("Trainer: round 60")).noneMatch(line -> line.endsWith("round 11"));
        assertThat(log).noneMatch(line -> line.contains("below INFO"));
        assertThat(log.getLast()).matches("03:04:05\\.000 INFO finished after \\d+ ms");
    }

    @Test
    void answersAStepFailureWithItsReason() {
        // Given
        var dispatcher = new StepDispatcher(List.of(step(StepName.CLEAN, c -> {
            throw new StepFailure("target 'y' has a single class 'Yes'");
        })), events);
        // When
        var event = dispatcher.run(command(StepName.CLEAN, SPEC));
        // Then
        assertThat(event.status()).isEqualTo(TaskEvent.Status.FAILED);
        assertThat(event.reason()).isEqualTo("target 'y' has a single class 'Yes'");
    }

    @Test
    void answersAnUnexpectedErrorWithAGenericReason() {
        // Given
        var dispatcher = new StepDispatcher(List.of(step(StepName.TRAIN, c -> {
            throw new IllegalStateException("index 7 out of bounds in dev.cairn.Foo");
        })), events);
        // When
        var event = dispatcher.run(command(StepName.TRAIN, SPEC));
        // Then
        assertThat(event.status()).isEqualTo(TaskEvent.Status.FAILED);
        assertThat(event.reason()).isEqualTo(
                "the worker hit an unexpected error running TRAIN; its log has the details under task task-7")
                .doesNotContain("dev.cairn");
    }

    @Test
    void failsAStepItDoesNotRun() {
        // Given
        var dispatcher = new StepDispatcher(List.of(), events);
        // When
        var event = dispatcher.run(command(StepName.REGISTER, SPEC));
        // Then
        assertThat(event.status()).isEqualTo(TaskEvent.Status.FAILED);
        assertThat(event.reason()).isEqualTo("this worker does not run step REGISTER");
    }

    @Test
    void failsACommandWithoutSpec() {
        // Given
        var dispatcher = new StepDispatcher(List.of(step(StepName.CLEAN, c -> null)), events);
        // When
        var event = dispatcher.run(command(StepName.CLEAN, null));
        // Then
        assertThat(event.reason()).isEqualTo("the task carries no pipeline spec");
    }
}
