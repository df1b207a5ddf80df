package dev.cairn.api.deployments.kubernetes;

import static dev.cairn.api.deployments.kubernetes.InferenceResources.CANDIDATE_ANNOTATION;
import static dev.cairn.api.deployments.kubernetes.InferenceResources.DEPLOYMENT_LABEL;
import static dev.cairn.api.deployments.kubernetes.InferenceResources.STABLE_ANNOTATION;
import static dev.cairn.api.deployments.kubernetes.InferenceResources.trackName;

import dev.cairn.api.deployments.DeploymentConfig;
import dev.cairn.api.deployments.DeploymentRuntime;
import dev.cairn.api.deployments.Observation;
import dev.cairn.api.deployments.RuntimeUnavailableException;
import dev.cairn.api.deployments.ServedVersion;
import dev.cairn.api.deployments.Traffic;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The kubernetes runtime ({@code cairn.deployments.runtime=kubernetes}): each served version is a Deployment and a
 * Service ({@link InferenceResources}), and a Gateway API HTTPRoute per deployment carries the traffic split. The
 * cluster holds all the state (the route's annotations name the stable and candidate versions), so a restarted
 * control plane finds its deployments serving. Readiness is the Deployment's own status: ready replicas as many as
 * asked, which the pods' readiness probe on {@code /v2/health/ready} drives.
 */
@ApplicationScoped
@LookupIfProperty(name = "cairn.deployments.runtime", stringValue = "kubernetes")
public class KubernetesRuntime implements DeploymentRuntime {

    private static final Logger LOG = Logger.getLogger(KubernetesRuntime.class);

    private final KubernetesClient client;
    private final KubernetesConfig config;
    private final DeploymentConfig deployments;

    /** The client reads ~/.kube/config, KUBECONFIG or the pod's service account, as kubectl does. */
    @Inject
    KubernetesRuntime(KubernetesConfig config, DeploymentConfig deployments) {
        this(new KubernetesClientBuilder().build(), config, deployments);
    }

    KubernetesRuntime(KubernetesClient client, KubernetesConfig config, DeploymentConfig deployments) {
        this.client = client;
        this.config = config;
        this.deployments = deployments;
    }

    /**
     * Applies the version's Deployment and Service, waits for their pods to be ready, then points the route at them
     * alone; the tracks served before are deleted after the drain time, once the gateway has stopped using them.
     */
    @Override
    public synchronized URI serve(String deployment, ServedVersion version, int replicas) {
        Optional<HTTPRoute> before = findRoute(deployment);
        startTrack(deployment, version, replicas, before);
        call("route " + deployment, () -> apply(
                InferenceResources.route(deployment, version.version(), null, Traffic.stableOnly(), config)));
        Set<Integer> replaced = tracks(before);
        replaced.remove(version.version());
        deleteLater(deployment, replaced);
        LOG.infof("Deployment %s serves %s version %d with %d replicas (namespace %s)", deployment, version.model(),
                version.version(), replicas, config.namespace());
        return endpoint(deployment);
    }

    /**
     * Starts a candidate track next to the stable one and waits until it is ready. It gets no client traffic until
     * {@link #route} gives it some; requests with {@code X-Cairn-Track: candidate} reach it at once. A candidate
     * started before (another version) is deleted.
     */
    @Override
    public synchronized void startCandidate(String deployment, ServedVersion candidate, int replicas) {
        HTTPRoute route = findRoute(deployment).orElseThrow(() -> notServing(deployment));
        int stable = stableVersion(route);
        if (stable == candidate.version()) {
            throw new IllegalStateException(deployment + " already serves version " + stable + " as stable");
        }
        startTrack(deployment, candidate, replicas, Optional.of(route));
        Integer previous = candidateVersion(route);
        call("route " + deployment, () -> apply(
                InferenceResources.route(deployment, stable, candidate.version(), Traffic.stableOnly(), config)));
        if (previous != null && previous != candidate.version()) {
            deleteLater(deployment, Set.of(previous));
        }
    }

    /** Divides client traffic: patches the route's backend weights (or its mirror filter); no pod restarts. */
    @Override
    public synchronized void route(String deployment, Traffic traffic) {
        HTTPRoute route = findRoute(deployment).orElseThrow(() -> notServing(deployment));
        Integer candidate = candidateVersion(route);
        if (candidate == null && (traffic.candidatePercent() > 0 || traffic.mirror())) {
            throw new IllegalStateException(deployment + " has no candidate to send traffic to");
        }
        int stable = stableVersion(route);
        call("route " + deployment, () -> client.resources(HTTPRoute.class).inNamespace(config.namespace())
                .withName(route.getMetadata().getName())
                .edit(current -> InferenceResources.route(deployment, stable, candidate, traffic, config)));
    }

    /** The candidate becomes stable with all traffic; the former stable track is deleted once drained. */
    @Override
    public synchronized void promoteCandidate(String deployment) {
        HTTPRoute route = findRoute(deployment).orElseThrow(() -> notServing(deployment));
        Integer candidate = candidateVersion(route);
        if (candidate == null) {
            throw new IllegalStateException(deployment + " has no candidate to promote");
        }
        call("route " + deployment, () -> apply(
                InferenceResources.route(deployment, candidate, null, Traffic.stableOnly(), config)));
        deleteLater(deployment, Set.of(stableVersion(route)));
    }

    /** All traffic back to stable; the candidate track is deleted once drained. Without a candidate: nothing. */
    @Override
    public synchronized void discardCandidate(String deployment) {
        Optional<HTTPRoute> route = findRoute(deployment);
        Integer candidate = route.map(KubernetesRuntime::candidateVersion).orElse(null);
        if (candidate == null) {
            return;
        }
        int stable = stableVersion(route.get());
        call("route " + deployment, () -> apply(
                InferenceResources.route(deployment, stable, null, Traffic.stableOnly(), config)));
        deleteLater(deployment, Set.of(candidate));
    }

    /**
     * Nothing: requests pass through the cluster's gateway, not through the control plane, so this runtime sees none.
     * The pods' own metrics ({@code cairn_inference_*} at {@code /q/metrics}, per pod) hold the
     * evidence; reading them from Prometheus is not built. A rollout controller therefore finds no requests here and
     * must not promote on that (see deploy/kubernetes/README.md).
     */
    @Override
    public Observation observe(String deployment) {
        return Observation.NONE;
    }

    @Override
    public synchronized void remove(String deployment) {
        call("remove " + deployment, () -> {
            client.resources(HTTPRoute.class).inNamespace(config.namespace())
                    .withName(InferenceResources.routeName(deployment)).delete();
            // one by one: Services have no "delete collection" on older API servers, and RBAC stays get/list/delete
            client.apps().deployments().inNamespace(config.namespace()).withLabel(DEPLOYMENT_LABEL, deployment)
                    .list().getItems().forEach(d -> client.resource(d).delete());
            client.services().inNamespace(config.namespace()).withLabel(DEPLOYMENT_LABEL, deployment)
                    .list().getItems().forEach(svc -> client.resource(svc).delete());
            return null;
        });
    }

    /** Serving: the route exists and its stable track has at least one ready pod. */
    @Override
    public boolean isServing(String deployment) {
        return findRoute(deployment).map(r -> readyReplicas(deployment, stableVersion(r)) > 0).orElse(false);
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    URI endpoint(String deployment) {
        return URI.create("http://" + InferenceResources.host(deployment, config));
    }

    private void startTrack(String deployment, ServedVersion version, int replicas, Optional<HTTPRoute> route) {
        Duration timeout = deployments.readyTimeout();
        call("start " + deployment + " v" + version.version(), () -> {
            apply(InferenceResources.deployment(deployment, version, replicas, config,
                    deployments.predictionSampleRate(), timeout.toSeconds()));
            return apply(InferenceResources.service(deployment, version));
        });
        try {
            awaitReady(deployment, version.version(), replicas, timeout);
        } catch (RuntimeException e) {
            if (!tracks(route).contains(version.version())) {
                deleteNow(deployment, version.version()); // never served: nothing to drain
            }
            throw e;
        }
    }

    /** Reads the Deployment's status as the controller manager writes it; a failed rollout ends the wait at once. */
    private void awaitReady(String deployment, int version, int replicas, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String name = trackName(deployment, version);
        while (true) {
            Deployment d = call("read " + name, () -> client.apps().deployments().inNamespace(config.namespace())
                    .withName(name).get());
            if (d == null) {
                throw new RuntimeUnavailableException("Deployment " + name + " disappeared while starting");
            }
            if (isReady(d, replicas)) {
                return;
            }
            Optional<String> failure = failure(d);
            if (failure.isPresent()) {
                throw new RuntimeUnavailableException("Deployment " + name + " failed: " + failure.get());
            }
            if (System.nanoTime() > deadline) {
                throw new RuntimeUnavailableException("Deployment " + name + " had " + ready(d) + " of " + replicas
                        + " ready replicas after " + timeout);
            }
            sleep(config.pollInterval());
        }
    }

    /** All replicas ready, and the status is about the current spec (not the one before a change of replicas). */
    static boolean isReady(Deployment d, int replicas) {
        var status = d.getStatus();
        if (status == null) {
            return false;
        }
        Long generation = d.getMetadata().getGeneration();
        Long observed = status.getObservedGeneration();
        boolean current = generation == null || observed == null || observed >= generation;
        return current && ready(d) >= replicas;
    }

    /** ProgressDeadlineExceeded (pods never ready in time) or ReplicaFailure (quota, admission): waiting is futile. */
    static Optional<String> failure(Deployment d) {
        if (d.getStatus() == null || d.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return d.getStatus().getConditions().stream()
                .filter(c -> ("Progressing".equals(c.getType()) && "False".equals(c.getStatus()))
                        || ("ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus())))
                .map(KubernetesRuntime::describe).findFirst();
    }

    private static String describe(DeploymentCondition c) {
        return c.getReason() + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")");
    }

    private static int ready(Deployment d) {
        Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
        return ready == null ? 0 : ready;
    }

    private int readyReplicas(String deployment, int version) {
        Deployment d = call("read " + deployment, () -> client.apps().deployments().inNamespace(config.namespace())
                .withName(trackName(deployment, version)).get());
        return d == null ? 0 : ready(d);
    }

    private Optional<HTTPRoute> findRoute(String deployment) {
        return Optional.ofNullable(call("read route " + deployment, () -> client.resources(HTTPRoute.class)
                .inNamespace(config.namespace()).withName(InferenceResources.routeName(deployment)).get()));
    }

    private static int stableVersion(HTTPRoute route) {
        return Integer.parseInt(route.getMetadata().getAnnotations().get(STABLE_ANNOTATION));
    }

    private static Integer candidateVersion(HTTPRoute route) {
        String candidate = route.getMetadata().getAnnotations().get(CANDIDATE_ANNOTATION);
        return candidate == null ? null : Integer.valueOf(candidate);
    }

    /** The versions the route sends to (stable and candidate). */
    private static Set<Integer> tracks(Optional<HTTPRoute> route) {
        var versions = new LinkedHashSet<Integer>();
        route.ifPresent(r -> {
            versions.add(stableVersion(r));
            versions.add(candidateVersion(r));
        });
        versions.remove(null);
        return versions;
    }

    private <T extends HasMetadata> T apply(T resource) {
        return client.resource(resource).inNamespace(config.namespace()).createOr(NonDeletingOperation::update);
    }

    /** The gateway applies a route change asynchronously: the old pods keep serving for the drain time first. */
    private void deleteLater(String deployment, Set<Integer> versions) {
        if (versions.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("cairn-k8s-drain-" + deployment).start(() -> {
            try {
                sleep(deployments.drain());
                synchronized (this) {
                    Set<Integer> inUse = tracks(findRoute(deployment)); // a rollback may have brought one back
                    versions.stream().filter(v -> !inUse.contains(v)).forEach(v -> deleteNow(deployment, v));
                }
            } catch (RuntimeException e) { // the API unreachable, or the client closed at shutdown
                LOG.warnf("Could not delete the replaced versions %s of %s: %s; delete them by hand", versions,
                        deployment, e.getMessage());
            }
        });
    }

    private void deleteNow(String deployment, int version) {
        String name = trackName(deployment, version);
        try {
            client.apps().deployments().inNamespace(config.namespace()).withName(name).delete();
            client.services().inNamespace(config.namespace()).withName(name).delete();
        } catch (KubernetesClientException e) {
            LOG.warnf("Could not delete %s (namespace %s): %s; delete it by hand", name, config.namespace(),
                    e.getMessage());
        }
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (KubernetesClientException e) {
            throw new RuntimeUnavailableException("Kubernetes API: cannot " + what + ": "
                    + Objects.requireNonNullElse(e.getStatus() == null ? null : e.getStatus().getMessage(),
                            e.getMessage()), e);
        }
    }

    private static IllegalStateException notServing(String deployment) {
        return new IllegalStateException("deployment " + deployment + " does not serve: no route in the cluster");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeUnavailableException("interrupted while waiting for the cluster");
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
