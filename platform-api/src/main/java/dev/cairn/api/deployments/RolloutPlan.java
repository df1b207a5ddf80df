package dev.cairn.api.deployments;

import dev.cairn.api.problem.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A rollout request checked and completed with the configured defaults; turns into a {@link Rollout} row. */
record RolloutPlan(Rollout.Strategy strategy, List<Integer> steps, double maxErrorRate, double maxP99Ms,
        double maxLabelDivergence, double minAgreement, int minRequests, long intervalMs) {

    static RolloutPlan from(RolloutRequest request, RolloutConfig defaults) {
        var strategy = strategy(request.strategy());
        List<Integer> steps = strategy != Rollout.Strategy.CANARY ? List.of(100)
                : request.steps() == null || request.steps().isEmpty() ? defaults.steps() : request.steps();
        requireIncreasingTo100(steps);
        var a = request.analysis() == null ? new RolloutRequest.AnalysisRequest(null, null, null, null, null, null)
                : request.analysis();
        return new RolloutPlan(strategy, List.copyOf(steps), or(a.maxErrorRate(), defaults.maxErrorRate()),
                or(a.maxP99Ms(), defaults.maxP99Ms()), or(a.maxLabelDivergence(), defaults.maxLabelDivergence()),
                or(a.minAgreement(), defaults.minAgreement()),
                a.minRequests() == null ? defaults.minRequests() : a.minRequests(),
                a.intervalMs() == null ? defaults.interval().toMillis() : a.intervalMs());
    }

    /** {@code canary} (default), {@code blue-green}, {@code shadow}; also as the spec writes them. */
    static Rollout.Strategy strategy(String name) {
        if (name == null || name.isBlank()) {
            return Rollout.Strategy.CANARY;
        }
        try {
            return Rollout.Strategy.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid-rollout", "unknown rollout strategy '" + name
                    + "'; use canary, blue-green or shadow");
        }
    }

    /** The last step must send everything: a canary that ends below 100 % would never finish. */
    private static void requireIncreasingTo100(List<Integer> steps) {
        for (int i = 0; i < steps.size(); i++) {
            int s = steps.get(i);
            if (s < 1 || s > 100 || i > 0 && s <= steps.get(i - 1)) {
                throw new InvalidRequestException("invalid-rollout",
                        "canary steps must increase within 1-100 %, got " + steps);
            }
        }
        if (steps.get(steps.size() - 1) != 100) {
            throw new InvalidRequestException("invalid-rollout", "the last canary step must be 100 %, got " + steps);
        }
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    Rollout toRollout(Deployment d, int candidateVersion, String candidateSha256, String actor) {
        var r = new Rollout();
        r.deploymentName = d.name;
        r.modelName = d.modelName;
        r.stableVersion = d.version;
        r.candidateVersion = candidateVersion;
        r.candidateSha256 = candidateSha256;
        r.strategy = strategy;
        r.stepList(steps);
        r.stepIndex = 0;
        r.status = Rollout.Status.RUNNING;
        r.maxErrorRate = maxErrorRate;
        r.maxP99Ms = maxP99Ms;
        r.maxLabelDivergence = maxLabelDivergence;
        r.minAgreement = minAgreement;
        r.minRequests = minRequests;
        r.intervalMs = intervalMs;
        r.startedBy = actor;
        r.startedAt = Instant.now();
        r.updatedAt = r.startedAt;
        return r;
    }
}
