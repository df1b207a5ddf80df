package dev.cairn.api.deployments;

/**
 * The limits a candidate must stay within during one analysis window, and how the window is judged.
 *
 * @param maxErrorRate candidate 5xx/unanswered share above this fails the rollout
 * @param maxP99Ms candidate p99 latency (router-measured, bucket upper bound) above this fails it
 * @param maxLabelDivergence Jensen–Shannon divergence (base 2, 0–1) between the candidate's predicted labels in the
 *        window and the stable version's since the rollout started, above this fails it
 * @param minAgreement shadow only: share of mirrored requests on which both versions predicted the same label, below
 *        this fails it
 * @param minRequests a window with fewer candidate answers proves nothing: it is inconclusive
 */
public record Analysis(double maxErrorRate, double maxP99Ms, double maxLabelDivergence, double minAgreement,
        int minRequests) {

    public enum Outcome {
        PASS, FAIL, INCONCLUSIVE
    }

    public record Verdict(Outcome outcome, String reason) {
    }

    /** Failures are checked before the evidence's size: a broken candidate is rolled back at once, however little traffic. */
    public Verdict judge(Evidence e) {
        if (e.candidateErrorRate() != null && e.candidateErrorRate() > maxErrorRate) {
            return fail("error rate %.4f above %.4f (%d of %d)", e.candidateErrorRate(), maxErrorRate,
                    e.candidateErrors(), e.candidateRequests());
        }
        if (e.candidateRequests() < minRequests) {
            return new Verdict(Outcome.INCONCLUSIVE, String.format(
                    "only %d requests reached the candidate in the window (at least %d needed)",
                    e.candidateRequests(), minRequests));
        }
        if (e.candidateP99Ms() != null && e.candidateP99Ms() > maxP99Ms) {
            return fail("p99 latency %.1f ms above %.1f ms", e.candidateP99Ms(), maxP99Ms);
        }
        if (e.labelDivergence() != null && e.labelDivergence() > maxLabelDivergence) {
            return fail("prediction distribution diverges from stable: JS %.3f above %.3f", e.labelDivergence(),
                    maxLabelDivergence);
        }
        if (e.agreement() != null && e.agreement() < minAgreement) {
            return fail("agrees with stable on %.3f of mirrored requests, below %.3f", e.agreement(), minAgreement);
        }
        return new Verdict(Outcome.PASS, e.candidateRequests() == 0 ? "no test traffic; the candidate's servers are ready"
                : String.format("within limits: error rate %.4f, p99 %s ms, JS %s over %d requests",
                        e.candidateErrorRate(), e.candidateP99Ms(), e.labelDivergence(), e.candidateRequests()));
    }

    private static Verdict fail(String format, Object... args) {
        return new Verdict(Outcome.FAIL, String.format(format, args));
    }
}
