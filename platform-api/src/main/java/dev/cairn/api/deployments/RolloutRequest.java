package dev.cairn.api.deployments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Body of {@code POST /api/deployments/{name}/rollouts}: roll {@code version} of the deployment's model out.
 *
 * @param strategy {@code canary} (default), {@code blue-green} or {@code shadow}
 * @param steps canary only: candidate traffic per step in percent, increasing, ending at 100 (default 10, 50, 100)
 * @param replicas candidate replicas; default the deployment's
 */
public record RolloutRequest(@NotNull @Min(1) Integer version, String strategy, List<@Min(1) @Max(100) Integer> steps,
        @Min(1) @Max(16) Integer replicas, @Valid AnalysisRequest analysis) {

    /** Every field optional; missing ones come from {@link RolloutConfig}. */
    public record AnalysisRequest(@DecimalMin("0") @DecimalMax("1") Double maxErrorRate,
            @DecimalMin("0") Double maxP99Ms, @DecimalMin("0") @DecimalMax("1") Double maxLabelDivergence,
            @DecimalMin("0") @DecimalMax("1") Double minAgreement, @Min(0) Integer minRequests,
            @Min(100) @Max(3_600_000) Long intervalMs) {
    }
}
