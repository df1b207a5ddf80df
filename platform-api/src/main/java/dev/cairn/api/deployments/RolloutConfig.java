package dev.cairn.api.deployments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Defaults of the rollout controller; a rollout request (or the pipeline spec's steps.deploy) overrides each. */
@ConfigMapping(prefix = "cairn.rollouts")
public interface RolloutConfig {

    /** How long each step is held before its window is judged (Argo Rollouts' analysis interval). */
    @WithDefault("60s")
    Duration interval();

    /** Canary steps (candidate traffic in percent) when none are given. */
    @WithDefault("10,50,100")
    List<Integer> steps();

    /** A window with fewer candidate answers is inconclusive and the step is held again. */
    @WithDefault("50")
    int minRequests();

    /** Inconclusive windows in a row after which the candidate is rolled back: no evidence is no promotion. */
    @WithDefault("5")
    int maxHolds();

    @WithDefault("0.01")
    double maxErrorRate();

    /** Router-measured p99, which includes the proxy hop. */
    @WithDefault("100")
    double maxP99Ms();

    /** Jensen–Shannon divergence (bits) of predicted labels; 0.1 is a clear shift of the label mix. */
    @WithDefault("0.1")
    double maxLabelDivergence();

    /** Shadow: share of mirrored requests on which candidate and stable must predict the same label. */
    @WithDefault("0.9")
    double minAgreement();
}
