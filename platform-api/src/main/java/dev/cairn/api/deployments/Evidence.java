package dev.cairn.api.deployments;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the controller measured in one analysis window, stored with its decision. Rates and quantiles are null when
 * nothing was measured (no division by zero passes for a good value).
 *
 * @param candidateP99Ms upper bound of the latency bucket holding the 99th percentile; {@value #BEYOND_MS} when above
 *        every bound
 * @param labelDivergence Jensen–Shannon divergence (base 2) between the candidate's labels in the window and the
 *        stable version's since the rollout started; null if either side has no labels
 * @param agreement shadow: agreed / compared mirrored requests in the window; null when none were compared
 */
public record Evidence(long candidateRequests, long candidateErrors, Double candidateErrorRate, Double candidateP99Ms,
        long stableRequests, long stableErrors, Double stableErrorRate, Double stableP99Ms,
        Map<String, Long> candidateLabels, Map<String, Long> stableLabels, Double labelDivergence, long compared,
        Double agreement) {

    public static final double BEYOND_MS = 10_000;

    /** {@code window}: the analysis window; {@code sinceStart}: cumulative, the stable reference for labels. */
    public static Evidence of(Observation window, Observation sinceStart) {
        var c = window.candidate();
        var s = window.stable();
        var reference = sinceStart.stable().labels();
        return new Evidence(c.requests(), c.errors(), rate(c), p99(c.latencyCounts()), s.requests(), s.errors(),
                rate(s), p99(s.latencyCounts()), c.labels(), reference, jensenShannon(c.labels(), reference),
                window.compared(), window.compared() == 0 ? null : (double) window.agreed() / window.compared());
    }

    private static Double rate(TrackStats t) {
        return t.requests() == 0 ? null : (double) t.errors() / t.requests();
    }

    /** The upper bound of the bucket where the cumulative count first reaches 99 %. */
    static Double p99(List<Long> counts) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        double needed = 0.99 * total;
        long seen = 0;
        var bounds = TrackStats.LATENCY_BOUNDS_MS;
        for (int i = 0; i < bounds.size(); i++) {
            seen += counts.get(i);
            if (seen >= needed) {
                return bounds.get(i);
            }
        }
        return BEYOND_MS;
    }

    /** Jensen–Shannon divergence in bits (0 = same distribution, 1 = disjoint), over the union of the labels. */
    static Double jensenShannon(Map<String, Long> p, Map<String, Long> q) {
        double np = p.values().stream().mapToLong(Long::longValue).sum();
        double nq = q.values().stream().mapToLong(Long::longValue).sum();
        if (np == 0 || nq == 0) {
            return null;
        }
        Set<String> labels = new HashSet<>(p.keySet());
        labels.addAll(q.keySet());
        double js = 0;
        for (String label : labels) {
            double pi = p.getOrDefault(label, 0L) / np;
            double qi = q.getOrDefault(label, 0L) / nq;
            double mi = (pi + qi) / 2;
            js += 0.5 * term(pi, mi) + 0.5 * term(qi, mi);
        }
        return Math.max(0, js);
    }

    private static double term(double x, double m) {
        return x == 0 ? 0 : x * Math.log(x / m) / Math.log(2);
    }
}
