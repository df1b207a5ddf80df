package dev.cairn.api.deployments;

import java.net.URI;

/**
 * Where inference servers run: the seam between the deployments feature and a runtime ({@link LocalRuntime}: child
 * processes behind a weighted router on this machine, the default; a Kubernetes backend: Deployments, Services and
 * Gateway API route weights). Implementations serialise changes to one deployment: two concurrent calls must not
 * both replace the same servers.
 *
 * <p>A deployment has a <em>stable</em> track (the version {@link #serve} made current) and, during a rollout, at most
 * one <em>candidate</em> track. The rollout controller drives a candidate through {@link #startCandidate},
 * {@link #route} (as often as its strategy needs), then {@link #promoteCandidate} or {@link #discardCandidate}; it
 * judges the candidate by {@link #observe}. Every change of traffic keeps the endpoint answering: a request in flight
 * is answered by the version it went to, never dropped.
 */
public interface DeploymentRuntime {

    /**
     * Starts {@code replicas} servers of {@code version}, waits until they are ready, then makes them the stable
     * track with all traffic, and stops the servers that answered before (and any candidate) once their requests have
     * drained.
     *
     * @return the endpoint clients call; stable for the life of the deployment
     * @throws RuntimeUnavailableException if the servers could not be started or did not become ready; what served
     *         before keeps serving
     */
    URI serve(String deployment, ServedVersion version, int replicas);

    /**
     * Starts {@code replicas} servers of {@code candidate} next to the stable ones and waits until they are ready.
     * They get no client traffic until {@link #route} gives them some; requests carrying the header
     * {@value Traffic#PREVIEW_HEADER}{@code : candidate} reach them at once (blue-green's test traffic). A candidate
     * started before is replaced.
     *
     * @throws RuntimeUnavailableException if they could not be started or did not become ready; nothing changed
     * @throws IllegalStateException if the deployment does not serve (no stable track)
     */
    void startCandidate(String deployment, ServedVersion candidate, int replicas);

    /** Divides client traffic between stable and candidate; takes effect for the next request. */
    void route(String deployment, Traffic traffic);

    /**
     * The candidate becomes the stable track and takes all traffic; the former stable servers stop once drained.
     *
     * @throws IllegalStateException if there is no candidate
     */
    void promoteCandidate(String deployment);

    /** All traffic returns to stable and the candidate stops once drained. Without a candidate: nothing happens. */
    void discardCandidate(String deployment);

    /**
     * What the runtime saw of each track since the candidate started (cumulative; the controller takes differences
     * between two calls). Without a candidate the candidate side is {@link TrackStats#EMPTY}.
     */
    Observation observe(String deployment);

    /** Stops every server of the deployment and its endpoint. Removing an unknown deployment does nothing. */
    void remove(String deployment);

    /** Whether the deployment's stable servers run (a local runtime loses them when the control plane restarts). */
    boolean isServing(String deployment);

    /** {@code local} or {@code kubernetes}: recorded on each deployment. */
    String name();
}
