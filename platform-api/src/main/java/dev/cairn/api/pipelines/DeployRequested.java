package dev.cairn.api.pipelines;

import dev.cairn.contracts.PipelineSpec;

/**
 * A CDI event: a run whose spec has {@code steps.deploy} registered {@code model@version} after its gate passed.
 * Fired inside the orchestrator's transaction; observers act after it commits (a rolled-back registration deploys
 * nothing).
 */
public record DeployRequested(String model, int version, PipelineSpec.DeployStep deploy, String requestedBy,
        String runId) {
}
