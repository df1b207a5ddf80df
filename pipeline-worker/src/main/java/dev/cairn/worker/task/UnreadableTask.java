package dev.cairn.worker.task;

/** A message on the tasks topic that is not a task command this worker can answer; it goes to the dead-letter topic. */
class UnreadableTask extends IllegalArgumentException {

    UnreadableTask(String reason) {
        super(reason);
    }
}
