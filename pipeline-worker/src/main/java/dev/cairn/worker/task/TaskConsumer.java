package dev.cairn.worker.task;

import dev.cairn.contracts.TaskCommand;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes task commands from {@code cairn.tasks} (consumer group {@code cairn-pipeline-worker}, so
 * workers share the load), answers each with STARTED, then SUCCEEDED or FAILED. A message that is not
 * a command is thrown back, and the channel's dead-letter strategy moves it to {@code cairn.tasks.dlq}.
 */
@ApplicationScoped
class TaskConsumer {

    private final TaskEvents events;
    private final StepDispatcher dispatcher;
    private final TaskEventPublisher publisher;

    TaskConsumer(@Any Instance<Step> steps, TaskEventPublisher publisher) {
        this.events = new TaskEvents(TaskEvents.thisWorker(), Clock.systemUTC());
        this.dispatcher = new StepDispatcher(steps, events);
        this.publisher = publisher;
    }

    /** Blocking and ordered: a worker runs one step at a time; more workers in the group run more. */
    @Incoming("tasks")
    @Blocking
    public void on(String payload) {
        // Throws UnreadableTask for a poison message: the connector logs it and moves it to the dead-letter topic.
        TaskCommand command = TaskCommands.parse(payload);
        publisher.publish(events.started(command));
        publisher.publish(dispatcher.run(command));
    }
}
