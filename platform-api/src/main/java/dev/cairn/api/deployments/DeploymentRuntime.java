package dev.cairn.api.deployments;

import java.net.URI;

/**
 * Where inference servers run: the seam between the deployments feature and a runtime ({@link LocalRuntime}: child
 * processes behind a weighted router on this machine, the default). Implementations serialise changes to one
 * deployment: two concurrent {@code serve} calls must not both replace the same servers.
 */
public interface DeploymentRuntime {

    /**
     * Starts {@code replicas} servers of {@code version}, waits until they are ready, then sends all traffic of the
     * deployment to them and stops the servers that answered before, once their requests have drained. A request
     * in flight during the switch is answered by the old or the new version, never dropped.
     *
     * @return the endpoint clients call; stable for the life of the deployment
     * @throws RuntimeUnavailableException if the servers could not be started or did not become ready; what served
     *         before keeps serving
     */
    URI serve(String deployment, ServedVersion version, int replicas);

    /** Stops every server of the deployment and its endpoint. Removing an unknown deployment does nothing. */
    void remove(String deployment);

    /** Whether the deployment's servers run (a local runtime loses them when the control plane restarts). */
    boolean isServing(String deployment);

    /** {@code local} or {@code kubernetes}: recorded on each deployment. */
    String name();
}
