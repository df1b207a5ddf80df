package dev.cairn.worker.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.contracts.StepName;
import org.junit.jupiter.api.Test;

class TaskCommandsTest {

    @Test
    void readsACommandIgnoringFieldsItDoesNotKnow() {
        // Given
        var json = """
                {"version":1,"taskId":"t1","attempt":1,"runId":"r1","step":"SPLIT","priority":"high",
                 "spec":{"name":"p","target":"y","steps":{"split":{"test":0.25,"validation":0,"stratify":true,"seed":7}}},
                 "inputs":{"cleaned":"abc"}}""";
        // When
        var command = TaskCommands.parse(json);
        // Then
        assertThat(command.step()).isEqualTo(StepName.SPLIT);
        assertThat(command.spec().steps().split().test()).isEqualTo(0.25);
        assertThat(command.inputs()).containsEntry("cleaned", "abc");
    }

    @Test
    void refusesWhatIsNotJson() {
        // When / Then
        assertThatThrownBy(() -> TaskCommands.parse("clean everything please"))
                .isInstanceOf(UnreadableTask.class)
                .hasMessageStartingWith("not a task command: ");
    }

    @Test
    void refusesACommandItCouldNotAnswer() {
        // Given: no run id, so no event could be keyed or applied
        var json = """
                {"taskId":"t1","step":"CLEAN"}""";
        // When / Then
        assertThatThrownBy(() -> TaskCommands.parse(json))
                .isInstanceOf(UnreadableTask.class)
                .hasMessage("a task command needs taskId, runId and step");
    }

    @Test
    void refusesAnUnknownStep() {
        // When / Then
        assertThatThrownBy(() -> TaskCommands.parse("""
                {"taskId":"t1","runId":"r1","step":"TUNE"}"""))
                .isInstanceOf(UnreadableTask.class);
    }
}
