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

    /** A deployment's router and the servers it routes to now. */
    private static final class Running {
        final LocalRouter router;
        List<InferenceProcess> servers = List.of();

        Running(LocalRouter router) {
            this.router = router;
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
        List<InferenceProcess> replaced = current.servers;
        current.router.route(List.of(new LocalRouter.Group(fresh.stream().map(p -> p.port).toList(), 100)));
        current.servers = fresh;
        if (!replaced.isEmpty()) {
            Thread.ofVirtual().name("cairn-drain-" + deployment).start(() -> drainAndStop(replaced));
        }
        LOG.infof("Deployment %s serves %s version %d with %d replicas at port %d", deployment, version.model(),
                version.version(), replicas, current.router.port());
        return URI.create("http://127.0.0.1:" + current.router.port());
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

    private void drainAndStop(List<InferenceProcess> servers) {
        try {
            Thread.sleep(config.drain().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        servers.forEach(InferenceProcess::stop);
    }

    @Override
    public synchronized void remove(String deployment) {
        Running gone = running.remove(deployment);
        if (gone != null) {
            gone.router.route(List.of());
            gone.router.close();
            gone.servers.forEach(InferenceProcess::stop);
        }
    }

    @Override
    public boolean isServing(String deployment) {
        Running r = running.get(deployment);
        return r != null && r.servers.stream().anyMatch(InferenceProcess::isAlive);
    }

    @Override
    public String name() {
        return "local";
    }

    void onStop(@Observes ShutdownEvent stopping) {
        List.copyOf(running.keySet()).forEach(this::remove);
    }
}
