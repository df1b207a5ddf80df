package dev.cairn.api.deployments.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.deployments.RuntimeUnavailableException;
import dev.cairn.api.deployments.ServedVersion;
import dev.cairn.api.deployments.Traffic;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kubernetes runtime against fabric8's API mock server in CRUD mode: resources are really stored, read, patched and
 * deleted over HTTP. No controller manager runs there, so the test plays the cluster's part where the runtime waits for
 * one: it writes a Deployment's status (ready replicas) as the Deployment controller would once pods pass their probe.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesRuntimeTest {

    private static final String NS = "models";
    private static final ServedVersion V1 = new ServedVersion("churn", 1, "sha-one");
    private static final ServedVersion V2 = new ServedVersion("churn", 2, "sha-two");

    /** The mock server logs every request at INFO; held here so the level is not lost with a collected logger. */
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    /** The mock server answers in milliseconds on a quiet machine, in seconds on one as loaded as a busy CI runner. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    KubernetesClient client;
    KubernetesMockServer server;
    private KubernetesRuntime runtime;

    @BeforeEach
    void runtime() {
        var configs = TestConfigs.standard();
        runtime = new KubernetesRuntime(client, configs.kubernetes(), configs.deployments());
    }

    @AfterEach
    void clear() {
        server.reset();
    }

    @Test
    void serveWaitsForReadyReplicasThenRoutesAllTrafficToTheVersion() {
        // Given
        var serving = CompletableFuture.supplyAsync(() -> runtime.serve("churn-prod", V1, 2));
        await().atMost(PATIENCE).until(() -> deployment("cairn-churn-prod-v1") != null);
        setReady("cairn-churn-prod-v1", 1); // one of two: not ready yet
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !serving.isDone());
        assertThat(route("churn-prod")).isNull();
        // When
        setReady("cairn-churn-prod-v1", 2);
        // Then
        URI endpoint = serving.join();
        assertThat(endpoint).isEqualTo(URI.create("http://churn-prod.models.cairn.local"));
        var d = deployment("cairn-churn-prod-v1");
        assertThat(d.getSpec().getReplicas()).isEqualTo(2);
        var container = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo("registry.example/cairn/inference-server:1.2.3");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v2/health/ready");
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("CAIRN_MODEL_PACKAGE");
            assertThat(e.getValue()).isEqualTo("sha-one");
        });
        var service = client.services().inNamespace(NS).withName("cairn-churn-prod-v1").get();
        assertThat(service.getSpec().getSelector()).isEqualTo(d.getSpec().getSelector().getMatchLabels());
        var route = route("churn-prod");
        assertThat(route.getSpec().getHostnames()).containsExactly("churn-prod.models.cairn.local");
        assertThat(weights(clientRule(route))).isEqualTo(Map.of("cairn-churn-prod-v1", 100));
        assertThat(runtime.isServing("churn-prod")).isTrue();
    }

    @Test
    void changingTheSplitPatchesOnlyTheRouteWeights() {
        // Given
        serveReady("churn-prod", V1);
        startCandidateReady("churn-prod", V2);
        var podsBefore = deployment("cairn-churn-prod-v1").getMetadata().getResourceVersion();
        // When
        runtime.route("churn-prod", Traffic.canary(10));
        // Then
        var route = route("churn-prod");
        assertThat(weights(clientRule(route))).isEqualTo(Map.of("cairn-churn-prod-v1", 90, "cairn-churn-prod-v2", 10));
        assertThat(route.getMetadata().getAnnotations()).containsEntry("cairn.dev/stable", "1")
                .containsEntry("cairn.dev/candidate", "2");
        assertThat(deployment("cairn-churn-prod-v1").getMetadata().getResourceVersion()).isEqualTo(podsBefore);
    }

    @Test
    void aStartedCandidateGetsOnlyPreviewTrafficUntilTheSplitMoves() {
        // Given
        serveReady("churn-prod", V1);
        // When
        startCandidateReady("churn-prod", V2);
        // Then
        var route = route("churn-prod");
        assertThat(weights(clientRule(route))).isEqualTo(Map.of("cairn-churn-prod-v1", 100));
        var preview = route.getSpec().getRules().getFirst();
        assertThat(preview.getMatches().getFirst().getHeaders().getFirst().getName()).isEqualTo("X-Cairn-Track");
        assertThat(weights(preview)).isEqualTo(Map.of("cairn-churn-prod-v2", 1));
        assertThat(deployment("cairn-churn-prod-v2").getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("cairn.dev/version", "2");
    }

    @Test
    void shadowMirrorsEveryRequestToTheCandidate() {
        // Given
        serveReady("churn-prod", V1);
        startCandidateReady("churn-prod", V2);
        // When
        runtime.route("churn-prod", Traffic.mirrored());
        // Then
        var rule = clientRule(route("churn-prod"));
        assertThat(weights(rule)).isEqualTo(Map.of("cairn-churn-prod-v1", 100));
        assertThat(rule.getFilters()).singleElement().satisfies(f -> {
            assertThat(f.getType()).isEqualTo("RequestMirror");
            assertThat(f.getRequestMirror().getBackendRef().getName()).isEqualTo("cairn-churn-prod-v2");
        });
    }

    @Test
    void promotingMakesTheCandidateStableAndDeletesTheOldTrackAfterTheDrain() {
        // Given: a drain long enough to see the old track still there right after the switch, even on a busy machine
        var configs = TestConfigs.with(Map.of("cairn.deployments.drain", "3s"));
        runtime = new KubernetesRuntime(client, configs.kubernetes(), configs.deployments());
        serveReady("churn-prod", V1);
        startCandidateReady("churn-prod", V2);
        runtime.route("churn-prod", Traffic.canary(50));
        // When
        runtime.promoteCandidate("churn-prod");
        // Then
        var route = route("churn-prod");
        assertThat(route.getMetadata().getAnnotations()).isEqualTo(Map.of("cairn.dev/stable", "2"));
        assertThat(route.getSpec().getRules()).hasSize(1);
        assertThat(weights(clientRule(route))).isEqualTo(Map.of("cairn-churn-prod-v2", 100));
        assertThat(deployment("cairn-churn-prod-v1")).as("still draining").isNotNull();
        await().atMost(PATIENCE).until(() -> deployment("cairn-churn-prod-v1") == null
                && client.services().inNamespace(NS).withName("cairn-churn-prod-v1").get() == null);
        assertThat(deployment("cairn-churn-prod-v2")).isNotNull();
    }

    @Test
    void discardingTheCandidateReturnsAllTrafficToStable() {
        // Given
        serveReady("churn-prod", V1);
        startCandidateReady("churn-prod", V2);
        runtime.route("churn-prod", Traffic.canary(10));
        // When
        runtime.discardCandidate("churn-prod");
        // Then
        assertThat(weights(clientRule(route("churn-prod")))).isEqualTo(Map.of("cairn-churn-prod-v1", 100));
        await().atMost(PATIENCE).until(() -> deployment("cairn-churn-prod-v2") == null);
        assertThat(deployment("cairn-churn-prod-v1")).isNotNull();
    }

    @Test
    void servingANewVersionReplacesTheOldOneOnceTheNewIsReady() {
        // Given
        serveReady("churn-prod", V1);
        // When
        serveReady("churn-prod", V2);
        // Then
        assertThat(weights(clientRule(route("churn-prod")))).isEqualTo(Map.of("cairn-churn-prod-v2", 100));
        await().atMost(PATIENCE).until(() -> deployment("cairn-churn-prod-v1") == null);
    }

    @Test
    void removalDeletesRouteDeploymentsAndServicesOfThatDeploymentOnly() {
        // Given
        serveReady("churn-prod", V1);
        startCandidateReady("churn-prod", V2);
        serveReady("other", V1);
        // When
        runtime.remove("churn-prod");
        // Then
        assertThat(route("churn-prod")).isNull();
        assertThat(names(client.apps().deployments().inNamespace(NS).list().getItems()))
                .containsExactly("cairn-other-v1");
        assertThat(client.services().inNamespace(NS).list().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactly("cairn-other-v1");
        assertThat(runtime.isServing("churn-prod")).isFalse();
        assertThat(runtime.isServing("other")).isTrue();
    }

    @Test
    void aFailedRolloutFailsAtOnceWithTheClustersReasonAndLeavesNothingBehind() {
        // Given
        var serving = CompletableFuture.supplyAsync(() -> runtime.serve("churn-prod", V1, 1));
        await().atMost(PATIENCE).until(() -> deployment("cairn-churn-prod-v1") != null);
        // When
        client.apps().deployments().inNamespace(NS).withName("cairn-churn-prod-v1").editStatus(d -> new DeploymentBuilder(d)
                .withNewStatus().withReadyReplicas(0).addNewCondition().withType("Progressing").withStatus("False")
                .withReason("ProgressDeadlineExceeded").withMessage("ReplicaSet has timed out progressing.")
                .endCondition().endStatus().build());
        // Then
        assertThatThrownBy(serving::join).hasCauseInstanceOf(RuntimeUnavailableException.class)
                .hasMessageContaining("ProgressDeadlineExceeded");
        assertThat(deployment("cairn-churn-prod-v1")).isNull();
        assertThat(route("churn-prod")).isNull();
    }

    @Test
    void aCandidateThatNeverBecomesReadyLeavesStableServingAlone() {
        // Given
        var configs = TestConfigs.with(Map.of("cairn.deployments.ready-timeout", "1s"));
        var impatient = new KubernetesRuntime(client, configs.kubernetes(), configs.deployments());
        serveReady("churn-prod", V1);
        // When
        assertThatThrownBy(() -> impatient.startCandidate("churn-prod", V2, 1))
                .isInstanceOf(RuntimeUnavailableException.class).hasMessageContaining("0 of 1 ready replicas");
        // Then
        var route = route("churn-prod");
        assertThat(route.getMetadata().getAnnotations()).isEqualTo(Map.of("cairn.dev/stable", "1"));
        assertThat(deployment("cairn-churn-prod-v2")).isNull();
        assertThat(deployment("cairn-churn-prod-v1")).isNotNull();
    }

    private static java.util.logging.Logger quiet(String category) {
        var logger = java.util.logging.Logger.getLogger(category);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    // --- the cluster's part, and reading what the runtime left in it

    private void serveReady(String name, ServedVersion version) {
        var serving = CompletableFuture.supplyAsync(() -> runtime.serve(name, version, 1));
        becomeReady("cairn-" + name + "-v" + version.version());
        serving.join();
    }

    private void startCandidateReady(String name, ServedVersion version) {
        var starting = CompletableFuture.runAsync(() -> runtime.startCandidate(name, version, 1));
        becomeReady("cairn-" + name + "-v" + version.version());
        starting.join();
    }

    private void becomeReady(String deployment) {
        await().atMost(PATIENCE).until(() -> deployment(deployment) != null);
        setReady(deployment, 1);
    }

    /** As the Deployment controller reports pods that passed their readiness probe. */
    private void setReady(String name, int ready) {
        client.apps().deployments().inNamespace(NS).withName(name).editStatus(d -> new DeploymentBuilder(d)
                .withNewStatus().withReplicas(d.getSpec().getReplicas()).withReadyReplicas(ready)
                .withObservedGeneration(d.getMetadata().getGeneration()).endStatus().build());
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private HTTPRoute route(String deployment) {
        return client.resources(HTTPRoute.class).inNamespace(NS).withName("cairn-" + deployment).get();
    }

    /** The rule without a header match: the one every client request takes. */
    private static HTTPRouteRule clientRule(HTTPRoute route) {
        return route.getSpec().getRules().getLast();
    }

    private static Map<String, Integer> weights(HTTPRouteRule rule) {
        return rule.getBackendRefs().stream().collect(Collectors.toMap(HTTPBackendRef::getName, HTTPBackendRef::getWeight));
    }

    private static List<String> names(List<Deployment> deployments) {
        return deployments.stream().map(d -> d.getMetadata().getName()).toList();
    }
}
