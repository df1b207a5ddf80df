package dev.cairn.api.pipelines;

import dev.cairn.api.audit.Audit;
import dev.cairn.api.datasets.DatasetVersion;
import dev.cairn.api.outbox.Outbox;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Advances pipeline runs: each call is one transaction that changes a run and queues the commands
 * the change implies in the outbox, so state and messages can never disagree.
 */
@ApplicationScoped
public class Orchestrator {
    static final String TASKS_TOPIC = "cairn.tasks";
    private static final Logger LOG = Logger.getLogger(Orchestrator.class);

    private final Outbox outbox;
    private final ModelRegistration registration;
    private final Audit audit;
    private final SpecParser parser = new SpecParser();

    Orchestrator(Outbox outbox, ModelRegistration registration, Audit audit) {
        this.outbox = outbox;
        this.registration = registration;
        this.audit = audit;
    }

    @Transactional
    public PipelineRun submit(String specText, boolean yaml, String user) {
        var input = parser.parse(specText, yaml);
        var valid = new SpecValidator(ref -> DatasetVersion.resolve(ref).map(DatasetVersion::ref)).validate(input);
        var run = PipelineRun.submit(valid.spec(), valid.dataset(), specText, user);
        run.persist();
        registration.tracked(run);
        send(run.commandFor(run.steps.getFirst()));
        return run;
    }

    @Transactional
    public void on(TaskEvent event) {
        var run = PipelineRun.byId(event.runId()).orElse(null);
        if (run == null) {
            LOG.warnf("Event for unknown run %s ignored (task %s)", event.runId(), event.taskId());
            return;
        }
        switch (run.apply(event)) {
            case PipelineRun.Next.SendTask next -> send(next.command());
            case PipelineRun.Next.Register next -> registration.register(run, next.evaluated());
            case PipelineRun.Next.Nothing nothing -> {
            }
        }
        if (run.state.isTerminal()) {
            registration.finished(run);
        }
    }

    @Transactional
    public PipelineRun cancel(String id, String user) {
        var run = PipelineRun.byId(id).orElseThrow(() -> new NotFoundException("No pipeline run " + id));
        var before = run.state;
        run.cancel(user);
        registration.finished(run);
        audit.record("pipeline-run.cancelled", "pipeline-run:" + run.id, Map.of("state", before),
                Map.of("state", run.state, "reason", run.reason));
        return run;
    }

    private void send(TaskCommand command) {
        outbox.send(TASKS_TOPIC, command.runId(), command);
    }

}
