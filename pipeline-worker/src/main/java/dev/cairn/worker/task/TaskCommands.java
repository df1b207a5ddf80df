package dev.cairn.worker.task;

import com.fasterxml.jackson.core.JacksonException;
import dev.cairn.contracts.TaskCommand;

/** Reads task commands off the wire. */
final class TaskCommands {

    private TaskCommands() {
    }

    /**
     * @throws UnreadableTask when the payload is not a command, or lacks what an answer needs (the
     *         task id, run id and step): such a message cannot even be failed, only set aside
     */
    static TaskCommand parse(String payload) {
        TaskCommand command;
        try {
            command = payload == null ? null : TaskJson.MAPPER.readValue(payload, TaskCommand.class);
        } catch (JacksonException e) {
            throw new UnreadableTask("not a task command: " + e.getOriginalMessage());
        }
        if (command == null || command.taskId() == null || command.runId() == null || command.step() == null) {
            throw new UnreadableTask("a task command needs taskId, runId and step");
        }
        return command;
    }
}
