package dev.cairn.api.deployments;

import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The default runtime: inference servers as child processes of the control plane on free loopback ports, each
 * deployment behind its own {@link LocalRouter}. Servers live as long as the control plane; on its shutdown they
 * are stopped with it.
 */
@ApplicationScoped
@LookupIfProperty(name = "cairn.deployments.runtime", stringValue = "local", lookupIfMissing = true)
public class LocalRuntime implements DeploymentRuntime {

    private static final Logger LOG = Logger.getLogger(LocalRuntime.class);

    /** A deployment's router and the servers of its two tracks. */
    private static final class Running {
        final LocalRouter router;
        List<InferenceProcess> stable = List.of();
        List<InferenceProcess> candidate = List.of();

        Running(LocalRouter router) {
            this.router = router;
        }

        void route(Traffic traffic, LocalRouter.Meters meters) {
            router.route(new LocalRouter.Routing(ports(stable), ports(candidate), traffic, meters));
        }

        LocalRouter.Meters meters() {
            return router.routing().meters();
        }

        private static List<Integer> ports(List<InferenceProcess> servers) {
            return servers.stream().map(p -> p.port).toList();
        }
    }

    private final DeploymentConfig config;
    private final Vertx vertx;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    LocalRuntime(DeploymentConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    /** Synchronized: deployments change rarely, and one change at a time keeps router and servers consistent. */
    @Override
    public synchronized URI serve(String deployment, ServedVersion version, int replicas) {
        Running current = running.computeIfAbsent(deployment, d -> new Running(LocalRouter.start(vertx)));
        List<InferenceProcess> fresh = startReady(deployment, version, replicas);
        List<InferenceProcess> replaced = new ArrayList<>(current.stable);
        replaced.addAll(current.candidate);
        current.stable = fresh;
        current.candidate = List.of();
        current.route(Traffic.stableOnly(), LocalRouter.Meters.fresh());
        drainAndStop(deployment, replaced);
        LOG.infof("Deployment %s serves %s version %d with %d replicas at port %d", deployment, version.model(),
                version.version(), replicas, current.router.port());
        return URI.create("http://127.0.0.1:" + current.router.port());
    }

    @Override
    public synchronized void startCandidate(String deployment, ServedVersion candidate, int replicas) {
        Running current = require(deployment);
        List<InferenceProcess> fresh = startReady(deployment, candidate, replicas);
        List<InferenceProcess> replaced = current.candidate;
        current.candidate = fresh;
        current.route(Traffic.stableOnly(), LocalRouter.Meters.fresh());
        drainAndStop(deployment, replaced);
        LOG.infof("Deployment %s: candidate %s version %d ready with %d replicas", deployment, candidate.model(),
                candidate.version(), replicas);
    }

    @Override
    public synchronized void route(String deployment, Traffic traffic) {
        Running current = require(deployment);
        if (current.candidate.isEmpty() && (traffic.candidatePercent() > 0 || traffic.mirror())) {
            throw new IllegalStateException("deployment '" + deployment + "' has no candidate to send traffic to");
        }
        current.route(traffic, current.meters());
    }

    @Override
    public synchronized void promoteCandidate(String deployment) {
        Running current = require(deployment);
        if (current.candidate.isEmpty()) {
            throw new IllegalStateException("deployment '" + deployment + "' has no candidate to promote");
        }
        List<InferenceProcess> replaced = current.stable;
        current.stable = current.candidate;
        current.candidate = List.of();
        current.route(Traffic.stableOnly(), current.meters());
        drainAndStop(deployment, replaced);
    }

    @Override
    public synchronized void discardCandidate(String deployment) {
        Running current = running.get(deployment);
        if (current == null || current.candidate.isEmpty()) {
            return;
        }
        List<InferenceProcess> replaced = current.candidate;
        current.candidate = List.of();
        current.route(Traffic.stableOnly(), current.meters());
        drainAndStop(deployment, replaced);
    }

    @Override
    public Observation observe(String deployment) {
        Running current = running.get(deployment);
        return current == null ? Observation.NONE : current.meters().observation();
    }

    /** Starts the replicas together (they load in parallel), then waits for each; all or none stay running. */
    private List<InferenceProcess> startReady(String deployment, ServedVersion version, int replicas) {
        List<InferenceProcess> started = new ArrayList<>();
        try {
            for (int i = 0; i < replicas; i++) {
                started.add(InferenceProcess.start(config, deployment, version));
            }
            for (InferenceProcess server : started) {
                server.awaitReady(config.readyTimeout());
            }
            return List.copyOf(started);
        } catch (RuntimeException e) {
            started.forEach(InferenceProcess::stop);
            throw e;
        }
    }

    /** Traffic has left {@code servers}; they stop after the drain time, off the caller's thread. */
    private void drainAndStop(String deployment, List<InferenceProcess> servers) {
        if (servers.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("cairn-drain-" + deployment).start(() -> {
            try {
                Thread.sleep(config.drain().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            servers.forEach(InferenceProcess::stop);
        });
    }

    private Running require(String deployment) {
        Running current = running.get(deployment);
        if (current == null || current.stable.isEmpty()) {
            throw new IllegalStateException("deployment '" + deployment + "' does not serve here");
        }
        return current;
    }

    @Override
    public synchronized void remove(String deployment) {
        Running gone = running.remove(deployment);
        if (gone != null) {
            gone.router.route(new LocalRouter.Routing(List.of(), List.of(), Traffic.stableOnly(), gone.meters()));
            gone.router.close();
            gone.stable.forEach(InferenceProcess::stop);
            gone.candidate.forEach(InferenceProcess::stop);
        }
    }

    @Override
    public boolean isServing(String deployment) {
        Running r = running.get(deployment);
        return r != null && r.stable.stream().anyMatch(InferenceProcess::isAlive);
    }

    @Override
    public String name() {
        return "local";
    }

    void onStop(@Observes ShutdownEvent stopping) {
        List.copyOf(running.keySet()).forEach(this::remove);
    }
}
