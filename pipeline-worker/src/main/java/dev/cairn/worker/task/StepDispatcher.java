package dev.cairn.worker.task;

import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs a command's step and turns every outcome into the event that answers it: a result, a
 * {@link StepFailure}'s reason, or, for anything unexpected, a generic reason (the details go to the
 * log once, with the task id, never to the user). Every answer carries the step's last log lines ({@link StepLog}).
 */
final class StepDispatcher {

    private static final Logger LOG = Logger.getLogger(StepDispatcher.class);

    private final Map<StepName, Step> steps = new EnumMap<>(StepName.class);
    private final TaskEvents events;
    private final Clock clock;

    StepDispatcher(Iterable<Step> steps, TaskEvents events) {
        this(steps, events, Clock.systemUTC());
    }

    StepDispatcher(Iterable<Step> steps, TaskEvents events, Clock clock) {
        steps.forEach(step -> this.steps.put(step.name(), step));
        this.events = events;
        this.clock = clock;
    }

    TaskEvent run(TaskCommand command) {
        var log = StepLog.begin(clock);
        long started = System.nanoTime();
        log.note("task " + command.taskId() + " (" + command.step() + ", attempt " + command.attempt() + ") started");
        TaskEvent answer;
        try {
            answer = answer(command);
        } finally {
            log.note(answerLine(started));
        }
        return events.withLog(answer, log.end());
    }

    private String answerLine(long started) {
        return "finished after " + (System.nanoTime() - started) / 1_000_000 + " ms";
    }

    private TaskEvent answer(TaskCommand command) {
        Step step = steps.get(command.step());
        if (command.spec() == null) {
            return events.failed(command, "the task carries no pipeline spec");
        }
        if (step == null) {
            return events.failed(command, "this worker does not run step " + command.step());
        }
        try {
            return events.succeeded(command, step.run(command));
        } catch (StepFailure failure) {
            LOG.infof("task %s (%s, run %s) failed: %s", command.taskId(), command.step(), command.runId(),
                    failure.getMessage());
            return events.failed(command, failure.getMessage());
        } catch (Exception | LinkageError | StackOverflowError e) {
            LOG.errorf(e, "task %s (%s, run %s) hit an unexpected error", command.taskId(), command.step(),
                    command.runId());
            return events.failed(command, "the worker hit an unexpected error running " + command.step()
                    + "; its log has the details under task " + command.taskId());
        }
    }
}
