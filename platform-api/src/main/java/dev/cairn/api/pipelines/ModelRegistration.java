package dev.cairn.api.pipelines;

import dev.cairn.contracts.StepName;
import dev.cairn.store.artifact.ArtifactStorage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a pipeline run meets the experiment tracker and the model registry: it records the run as a
 * tracked run and registers the evaluated model. Runs inside the orchestrator's transaction.
 */
@ApplicationScoped
class ModelRegistration {
    private final ArtifactStorage storage;

    ModelRegistration(ArtifactStorage storage) {
        this.storage = storage;
    }

    void tracked(PipelineRun run) {
    }

    void register(PipelineRun run, StepRun evaluated) {
        run.fail(run.step(StepName.REGISTER), "registry not wired yet", java.time.Instant.now());
    }

    void finished(PipelineRun run) {
    }
}
