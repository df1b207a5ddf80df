package dev.cairn.api.deployments.kubernetes;

/**
 * How a route divides client traffic between the stable track and a candidate.
 *
 * @param candidatePercent share of requests the candidate answers, 0–100
 * @param mirror every request also goes to the candidate, whose answer is discarded (shadow); only with 0 %
 */
record Split(int candidatePercent, boolean mirror) {

    static final Split STABLE_ONLY = new Split(0, false);

    Split {
        if (candidatePercent < 0 || candidatePercent > 100) {
            throw new IllegalArgumentException("candidate share must be 0-100 %, was " + candidatePercent);
        }
        if (mirror && candidatePercent != 0) {
            throw new IllegalArgumentException("a mirrored candidate answers no client");
        }
    }
}
