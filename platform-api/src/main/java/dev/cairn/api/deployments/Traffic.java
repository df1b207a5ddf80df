package dev.cairn.api.deployments;

/**
 * How a deployment's client traffic is divided between its stable and candidate tracks.
 *
 * @param candidatePercent share of requests answered by the candidate, 0–100 (the rest by stable)
 * @param mirror when true, every request answered by stable is also copied to the candidate, whose answer is
 *        measured and thrown away (shadow); only with {@code candidatePercent} 0
 */
public record Traffic(int candidatePercent, boolean mirror) {

    /** Requests with this header set to {@code candidate} go to the candidate whatever the split (test traffic). */
    public static final String PREVIEW_HEADER = "X-Cairn-Track";

    public Traffic {
        if (candidatePercent < 0 || candidatePercent > 100) {
            throw new IllegalArgumentException("candidate share must be 0-100 %, was " + candidatePercent);
        }
        if (mirror && candidatePercent != 0) {
            throw new IllegalArgumentException("a mirrored candidate answers no client");
        }
    }

    public static Traffic stableOnly() {
        return new Traffic(0, false);
    }

    public static Traffic canary(int candidatePercent) {
        return new Traffic(candidatePercent, false);
    }

    public static Traffic mirrored() {
        return new Traffic(0, true);
    }
}
