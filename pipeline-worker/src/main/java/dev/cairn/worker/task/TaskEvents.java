package dev.cairn.worker.task;

import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;

/** Builds the events that answer a task, stamped with this worker's name (host/pid) and the time. */
final class TaskEvents {

    private final String worker;
    private final Clock clock;

    TaskEvents(String worker, Clock clock) {
        this.worker = worker;
        this.clock = clock;
    }

    /** {@code host/pid}: enough to find the process, and its log, that ran a task. */
    static String thisWorker() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    TaskEvent started(TaskCommand command) {
        return event(command, TaskEvent.Status.STARTED, null, new StepResult(Map.of(), Map.of(), Map.of()));
    }

    TaskEvent succeeded(TaskCommand command, StepResult result) {
        return event(command, TaskEvent.Status.SUCCEEDED, null, result);
    }

    TaskEvent failed(TaskCommand command, String reason) {
        return event(command, TaskEvent.Status.FAILED, reason, new StepResult(Map.of(), Map.of(), Map.of()));
    }

    /** The same answer, curves included, with the step's last log lines in its report, under {@code log}. */
    TaskEvent withLog(TaskEvent event, java.util.List<String> log) {
        var report = new java.util.LinkedHashMap<String, Object>(event.report() == null ? Map.of() : event.report());
        report.put("log", log);
        return new TaskEvent(event.version(), event.taskId(), event.attempt(), event.runId(), event.step(),
                event.status(), event.reason(), event.outputs(), event.metrics(), Map.copyOf(report), event.worker(),
                event.at(), event.curves());
    }

    private TaskEvent event(TaskCommand command, TaskEvent.Status status, String reason, StepResult result) {
        return new TaskEvent(TaskCommand.CURRENT_VERSION, command.taskId(), command.attempt(), command.runId(),
                command.step(), status, reason, result.outputs(), result.metrics(), result.report(), worker,
                clock.instant(), result.curves().isEmpty() ? null : result.curves());
    }
}
