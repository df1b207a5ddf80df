package dev.cairn.api.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.problem.ConflictException;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskEvent;
import dev.cairn.contracts.TaskEvent.Status;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineRunTest {
    private final PipelineRun run = submitted();

    @Test
    void firstCommandCleansThePinnedDataset() {
        // When
        var command = run.commandFor(run.step(StepName.CLEAN));
        // Then
        assertThat(command.step()).isEqualTo(StepName.CLEAN);
        assertThat(command.inputs()).containsExactly(Map.entry("dataset", SpecFixtures.CHURN.sha256()));
        assertThat(command.dataset().version()).isEqualTo(3);
        assertThat(run.state).isEqualTo(RunState.PENDING);
    }

    @Test
    void aFinishedStepSendsTheNextOneWithEveryEarlierOutput() {
        // Given
        run.apply(event(StepName.CLEAN, Status.STARTED, Map.of()));
        // When
        var next = run.apply(event(StepName.CLEAN, Status.SUCCEEDED, Map.of("cleaned", "c1", "preprocessing", "p1")));
        // Then
        assertThat(run.state).isEqualTo(RunState.RUNNING);
        assertThat(next).isInstanceOfSatisfying(PipelineRun.Next.SendTask.class, send -> {
            assertThat(send.command().step()).isEqualTo(StepName.SPLIT);
            assertThat(send.command().inputs()).containsOnlyKeys("dataset", "cleaned", "preprocessing");
        });
    }

    @Test
    void aRedeliveredResultChangesNothing() {
        // Given
        var done = event(StepName.CLEAN, Status.SUCCEEDED, Map.of("cleaned", "c1"));
        run.apply(done);
        var splitTask = run.step(StepName.SPLIT).taskId;
        // When
        var again = run.apply(done);
        // Then
        assertThat(again).isInstanceOf(PipelineRun.Next.Nothing.class);
        assertThat(run.step(StepName.SPLIT).taskId).isEqualTo(splitTask);
    }

    @Test
    void afterEvaluationTheModelIsRegisteredByTheControlPlane() {
        // Given
        succeed(StepName.CLEAN, Map.of("cleaned", "c1", "preprocessing", "p1"));
        succeed(StepName.SPLIT, Map.of("train", "t1", "test", "t2"));
        succeed(StepName.TRAIN, Map.of("model", "m1", "payload", "b1"));
        // When
        var next = run.apply(event(StepName.EVALUATE, Status.SUCCEEDED, Map.of("model", "m2")));
        run.registered("churn", 4);
        // Then
        assertThat(next).isInstanceOf(PipelineRun.Next.Register.class);
        assertThat(run.state).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.modelVersion).isEqualTo(4);
    }

    @Test
    void aFailedStepFailsTheRunWithItsReasonAndSkipsTheRest() {
        // Given
        succeed(StepName.CLEAN, Map.of("cleaned", "c1"));
        // When
        var failed = new TaskEvent(1, run.step(StepName.SPLIT).taskId, 1, run.id, StepName.SPLIT, Status.FAILED,
                "class 'Yes' has a single row", Map.of(), Map.of(), Map.of(), "w1", Instant.now());
        run.apply(failed);
        // Then
        assertThat(run.state).isEqualTo(RunState.FAILED);
        assertThat(run.reason).isEqualTo("split failed: class 'Yes' has a single row");
        assertThat(run.step(StepName.TRAIN).state).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void eventsAfterCancellationAreIgnoredAndAFinishedRunCannotBeCancelled() {
        // Given
        run.cancel("ana");
        // When
        var next = run.apply(event(StepName.CLEAN, Status.SUCCEEDED, Map.of("cleaned", "c1")));
        // Then
        assertThat(next).isInstanceOf(PipelineRun.Next.Nothing.class);
        assertThat(run.step(StepName.CLEAN).state).isEqualTo(RunState.CANCELLED);
        assertThatThrownBy(() -> run.cancel("ana")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aReusedStepSucceedsAsCachedAndTheRunMovesOn() {
        // Given
        var entry = new StepCache();
        entry.outputs = Map.of("cleaned", "c1", "preprocessing", "p1");
        entry.sourceRunId = "earlier-run";
        // When
        var next = run.reuse(run.step(StepName.CLEAN), entry);
        // Then
        assertThat(run.state).isEqualTo(RunState.RUNNING);
        assertThat(run.step(StepName.CLEAN).cached).isTrue();
        assertThat(run.step(StepName.CLEAN).cachedFrom).isEqualTo("earlier-run");
        assertThat(next).isInstanceOfSatisfying(PipelineRun.Next.SendTask.class,
                send -> assertThat(send.command().inputs()).containsEntry("cleaned", "c1"));
    }

    @Test
    void aSpecWithASearchHandsItsTrainStepToTheSearch() {
        // Given
        var valid = SpecFixtures.valid("""
                {name: churn, dataset: churn, target: churn, steps: {split: {validation: 0.2},
                 train: {algorithm: cart, search: {space: {max_depth: [2, 6]}}}}}""");
        var searching = PipelineRun.submit(valid.spec(), valid.dataset(), "yaml", "ana");
        searching.apply(new TaskEvent(1, searching.step(StepName.CLEAN).taskId, 1, searching.id, StepName.CLEAN,
                Status.SUCCEEDED, null, Map.of("cleaned", "c1"), Map.of(), Map.of(), "w1", Instant.now()));
        // When
        var next = searching.apply(new TaskEvent(1, searching.step(StepName.SPLIT).taskId, 1, searching.id,
                StepName.SPLIT, Status.SUCCEEDED, null, Map.of("train", "t1"), Map.of(), Map.of(), "w1", Instant.now()));
        // Then
        assertThat(next).isInstanceOf(PipelineRun.Next.StartSearch.class);
        assertThat(searching.step(StepName.TRAIN).state).isEqualTo(RunState.RUNNING);
    }

    private void succeed(StepName step, Map<String, String> outputs) {
        run.apply(event(step, Status.SUCCEEDED, outputs));
    }

    private TaskEvent event(StepName step, Status status, Map<String, String> outputs) {
        return new TaskEvent(1, run.step(step).taskId, 1, run.id, step, status, null, outputs, Map.of(), Map.of(),
                "w1", Instant.now());
    }

    private static PipelineRun submitted() {
        var valid = SpecFixtures.valid("{name: churn, dataset: churn, target: churn, steps: {train: {algorithm: cart}}}");
        return PipelineRun.submit(valid.spec(), valid.dataset(), "yaml", "ana");
    }
}
