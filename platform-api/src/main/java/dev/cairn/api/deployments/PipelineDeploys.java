package dev.cairn.api.deployments;

import dev.cairn.api.audit.Audit;
import dev.cairn.api.pipelines.DeployRequested;
import dev.cairn.api.registry.AliasMoves;
import dev.cairn.api.registry.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A pipeline run's {@code steps.deploy}: once the registration committed (the gate passed), the new version is rolled
 * out to the model's deployment by the {@link RolloutController} (the same gate-then-canary path a retrained model
 * takes), or, when the model has no deployment yet, becomes its first deployment: {@code production} is pointed at it
 * and it is served as deployment {@code <model>}. Runs on its own thread: starting servers takes seconds and must not
 * hold the orchestrator's Kafka consumer.
 */
@ApplicationScoped
class PipelineDeploys {
    private static final Logger LOG = Logger.getLogger(PipelineDeploys.class);
    private static final String FIRST_ALIAS = "production";

    private final RolloutController controller;
    private final DeploymentRuntime runtime;
    private final AliasMoves aliases;
    private final Audit audit;

    PipelineDeploys(RolloutController controller, Instance<DeploymentRuntime> runtimes, AliasMoves aliases, Audit audit) {
        this.controller = controller;
        this.runtime = runtimes.get();
        this.aliases = aliases;
        this.audit = audit;
    }

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeployRequested event) {
        Thread.ofVirtual().name("cairn-pipeline-deploy-" + event.model()).start(() -> deploy(event));
    }

    void deploy(DeployRequested e) {
        try {
            var existing = QuarkusTransaction.requiringNew().call(() -> target(e.model()));
            if (existing.isPresent()) {
                controller.start(existing.get(), request(e), e.requestedBy());
            } else {
                firstDeployment(e);
            }
        } catch (RuntimeException failure) {
            LOG.warnf("Run %s: %s@%d was registered but not deployed: %s", e.runId(), e.model(), e.version(),
                    failure.getMessage());
        }
    }

    /** The model's deployment: the one serving production if there are several, else the first by name. */
    private static Optional<String> target(String model) {
        return Deployment.<Deployment> list("modelName", model).stream()
                .min(Comparator.comparing((Deployment d) -> !FIRST_ALIAS.equals(d.alias)).thenComparing(d -> d.name))
                .map(d -> d.name);
    }

    private static RolloutRequest request(DeployRequested e) {
        var d = e.deploy();
        return new RolloutRequest(e.version(), d.strategy(), d.steps(), d.replicas(),
                new RolloutRequest.AnalysisRequest(d.maxErrorRate(), d.maxP99Ms(), d.maxLabelDivergence(),
                        d.minAgreement(), d.minRequests(), d.intervalMs()));
    }

    private void firstDeployment(DeployRequested e) {
        String name = deploymentName(e.model());
        var version = QuarkusTransaction.requiringNew().call(() -> ModelVersion.of(e.model(), e.version())
                .orElseThrow());
        var served = new ServedVersion(e.model(), version.version, version.manifestSha256);
        int replicas = e.deploy().replicas() == null ? 1 : e.deploy().replicas();
        var endpoint = runtime.serve(name, served, replicas);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                aliases.point(e.model(), FIRST_ALIAS, e.version());
                var d = new Deployment();
                d.name = name;
                d.modelName = e.model();
                d.alias = FIRST_ALIAS;
                d.replicas = replicas;
                d.runtime = runtime.name();
                d.endpoint = endpoint.toString();
                d.createdAt = Instant.now();
                d.nowServes(served, e.requestedBy());
                d.persist();
                audit.recordAs(e.requestedBy(), Deployment.CREATED, Deployment.auditTarget(name), null, d.state());
            });
        } catch (RuntimeException failure) {
            runtime.remove(name); // nothing recorded, so nothing may keep serving
            throw failure;
        }
    }

    /** Model names allow '.' and '_'; deployment names are DNS labels. */
    static String deploymentName(String model) {
        String name = model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+", "");
        name = name.length() > 63 ? name.substring(0, 63) : name;
        return name.isEmpty() ? "model" : name;
    }
}
