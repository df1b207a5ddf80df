package dev.cairn.worker.task;

import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import java.io.IOException;

/**
 * One pipeline step the worker runs: a CDI bean per step, found by {@link #name()}. A step reads its
 * inputs from the artifact store by digest, writes its outputs there, and returns their digests.
 * Running it twice on the same command is harmless: artifacts are content-addressed, and the
 * control plane applies a task's result once.
 */
public interface Step {

    StepName name();

    /** @throws StepFailure when the input or the spec does not allow the step, with the reason for the user */
    StepResult run(TaskCommand command) throws IOException;
}
