package dev.cairn.api.deployments.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.deployments.ServedVersion;
import dev.cairn.api.deployments.Traffic;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InferenceResourcesTest {

    private static final ServedVersion CHURN_3 = new ServedVersion("churn", 3, "ab12cd");
    private final KubernetesConfig config = TestConfigs.standard().kubernetes();

    @Test
    void deploymentRunsTheVersionWithItsProbeRequestsAndStore() {
        // When
        var d = InferenceResources.deployment("churn-prod", CHURN_3, 2, config, 0.25, 60);
        // Then
        assertThat(d.getMetadata().getName()).isEqualTo("cairn-churn-prod-v3");
        assertThat(d.getMetadata().getLabels()).containsEntry("cairn.dev/deployment", "churn-prod")
                .containsEntry("cairn.dev/version", "3").containsEntry("app.kubernetes.io/part-of", "cairn");
        assertThat(d.getSpec().getReplicas()).isEqualTo(2);
        assertThat(d.getSpec().getProgressDeadlineSeconds()).isEqualTo(60);
        assertThat(d.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Map.of("cairn.dev/deployment", "churn-prod", "cairn.dev/version", "3"));
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
        var container = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo("registry.example/cairn/inference-server:1.2.3");
        assertThat(env(container.getEnv())).containsEntry("CAIRN_MODEL_NAME", "churn")
                .containsEntry("CAIRN_MODEL_VERSION", "3").containsEntry("CAIRN_MODEL_PACKAGE", "ab12cd")
                .containsEntry("CAIRN_DEPLOYMENT_ID", "churn-prod").containsEntry("CAIRN_HTTP_PORT", "8080")
                .containsEntry("CAIRN_HTTP_HOST", "0.0.0.0").containsEntry("CAIRN_PREDICTIONS_SAMPLE_RATE", "0.25")
                .containsEntry("CAIRN_KAFKA_BOOTSTRAP", "kafka:9092")
                .containsEntry("CAIRN_STORE_ROOT", "/var/lib/cairn/store");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v2/health/ready");
        assertThat(container.getReadinessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(container.getReadinessProbe().getPeriodSeconds()).isEqualTo(1);
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/v2/health/live");
        assertThat(container.getPorts().getFirst().getContainerPort()).isEqualTo(8080);
        assertThat(container.getResources().getRequests()).isEqualTo(
                Map.of("cpu", new Quantity("250m"), "memory", new Quantity("384Mi")));
        assertThat(container.getResources().getLimits()).isEqualTo(Map.of("memory", new Quantity("512Mi")));
        assertThat(container.getVolumeMounts().getFirst().getReadOnly()).isTrue();
        assertThat(d.getSpec().getTemplate().getSpec().getVolumes().getFirst().getPersistentVolumeClaim()
                .getClaimName()).isEqualTo("cairn-store");
        assertThat(container.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(5L);
    }

    @Test
    void serviceSelectsOnlyThePodsOfItsVersion() {
        // When
        var s = InferenceResources.service("churn-prod", CHURN_3);
        // Then
        assertThat(s.getMetadata().getName()).isEqualTo("cairn-churn-prod-v3");
        assertThat(s.getSpec().getSelector())
                .isEqualTo(Map.of("cairn.dev/deployment", "churn-prod", "cairn.dev/version", "3"));
        assertThat(s.getSpec().getPorts().getFirst().getPort()).isEqualTo(80);
        assertThat(s.getSpec().getPorts().getFirst().getTargetPort()).isEqualTo(new IntOrString("http"));
    }

    @Test
    void routeWithoutCandidateSendsEverythingToStable() {
        // When
        var route = InferenceResources.route("churn-prod", 3, null, Traffic.stableOnly(), config);
        // Then
        assertThat(route.getMetadata().getName()).isEqualTo("cairn-churn-prod");
        assertThat(route.getMetadata().getAnnotations()).isEqualTo(Map.of("cairn.dev/stable", "3"));
        assertThat(route.getSpec().getHostnames()).containsExactly("churn-prod.models.cairn.local");
        var parent = route.getSpec().getParentRefs().getFirst();
        assertThat(List.of(parent.getKind(), parent.getName(), parent.getNamespace()))
                .containsExactly("Gateway", "cairn", "cairn");
        assertThat(route.getSpec().getRules()).hasSize(1);
        assertThat(weights(route.getSpec().getRules().getFirst())).isEqualTo(Map.of("cairn-churn-prod-v3", 100));
    }

    @Test
    void canaryRouteSplitsClientTrafficByWeightAndPreviewsTheCandidate() {
        // When
        var route = InferenceResources.route("churn-prod", 3, 4, Traffic.canary(10), config);
        // Then
        assertThat(route.getMetadata().getAnnotations())
                .isEqualTo(Map.of("cairn.dev/stable", "3", "cairn.dev/candidate", "4"));
        var preview = route.getSpec().getRules().get(0);
        var header = preview.getMatches().getFirst().getHeaders().getFirst();
        assertThat(List.of(header.getType(), header.getName(), header.getValue()))
                .containsExactly("Exact", "X-Cairn-Track", "candidate");
        assertThat(weights(preview)).isEqualTo(Map.of("cairn-churn-prod-v4", 1));
        var clients = route.getSpec().getRules().get(1);
        assertThat(clients.getMatches().getFirst().getPath().getValue()).isEqualTo("/");
        assertThat(weights(clients)).isEqualTo(Map.of("cairn-churn-prod-v3", 90, "cairn-churn-prod-v4", 10));
        assertThat(clients.getFilters()).isEmpty();
    }

    @Test
    void shadowRouteMirrorsToTheCandidateWhileStableAnswers() {
        // When
        var route = InferenceResources.route("churn-prod", 3, 4, Traffic.mirrored(), config);
        // Then
        var clients = route.getSpec().getRules().get(1);
        assertThat(weights(clients)).isEqualTo(Map.of("cairn-churn-prod-v3", 100));
        var filter = clients.getFilters().getFirst();
        assertThat(filter.getType()).isEqualTo("RequestMirror");
        assertThat(filter.getRequestMirror().getBackendRef().getName()).isEqualTo("cairn-churn-prod-v4");
        assertThat(filter.getRequestMirror().getBackendRef().getPort()).isEqualTo(80);
    }

    @Test
    void longDeploymentNamesStayValidServiceNames() {
        // Given
        String longName = "a".repeat(63);
        // When
        String v1 = InferenceResources.trackName(longName, 1);
        String v2 = InferenceResources.trackName(longName, 2);
        // Then
        assertThat(v1).hasSize(63).matches("[a-z]([-a-z0-9]*[a-z0-9])?").isNotEqualTo(v2);
        assertThat(InferenceResources.trackName("7up", 1)).isEqualTo("cairn-7up-v1");
    }

    private static Map<String, String> env(List<EnvVar> env) {
        return env.stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static Map<String, Integer> weights(HTTPRouteRule rule) {
        return rule.getBackendRefs().stream().collect(Collectors.toMap(HTTPBackendRef::getName, HTTPBackendRef::getWeight));
    }
}
