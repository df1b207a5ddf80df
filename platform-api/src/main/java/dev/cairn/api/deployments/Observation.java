package dev.cairn.api.deployments;

/**
 * What a runtime measured of a deployment's two tracks, cumulative since the candidate started.
 *
 * @param compared mirrored requests for which both tracks answered with a label (shadow only)
 * @param agreed of those, the ones where both labels were equal
 */
public record Observation(TrackStats stable, TrackStats candidate, long compared, long agreed) {

    public static final Observation NONE = new Observation(TrackStats.EMPTY, TrackStats.EMPTY, 0, 0);

    /** What happened between {@code earlier} and this observation. */
    public Observation since(Observation earlier) {
        return new Observation(stable.since(earlier.stable), candidate.since(earlier.candidate),
                compared - earlier.compared, agreed - earlier.agreed);
    }
}
