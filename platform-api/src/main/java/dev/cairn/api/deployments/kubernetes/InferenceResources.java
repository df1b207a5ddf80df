package dev.cairn.api.deployments.kubernetes;

import dev.cairn.api.deployments.ServedVersion;
import dev.cairn.api.deployments.Traffic;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilterBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Cairn deployment is in a cluster, as pure functions: one Deployment and one Service per served model version
 * (a <em>track</em>), and one Gateway API HTTPRoute per deployment whose backend weights divide the traffic between
 * the stable track and a candidate. Nothing here talks to a cluster, so the shape is tested on its own.
 */
final class InferenceResources {

    static final String DEPLOYMENT_LABEL = "cairn.dev/deployment";
    static final String VERSION_LABEL = "cairn.dev/version";
    static final String MODEL_ANNOTATION = "cairn.dev/model";
    static final String PACKAGE_ANNOTATION = "cairn.dev/model-package";
    /** The route remembers which track is stable and which is the candidate, so the runtime keeps no state. */
    static final String STABLE_ANNOTATION = "cairn.dev/stable";
    static final String CANDIDATE_ANNOTATION = "cairn.dev/candidate";
    static final String CONTAINER = "inference-server";
    static final int CONTAINER_PORT = 8080;
    static final int SERVICE_PORT = 80;
    static final String STORE_MOUNT = "/var/lib/cairn/store";
    /** With {@link Traffic#PREVIEW_HEADER}, reaches the candidate whatever the split (blue-green's test traffic). */
    static final String PREVIEW_VALUE = "candidate";

    private static final int MAX_NAME = 63; // a Service name is an RFC 1035 label

    private InferenceResources() {
    }

    /** Name of a track's Deployment and Service: starts with a letter, at most 63 characters, unique per version. */
    static String trackName(String deployment, int version) {
        return label("cairn-" + deployment + "-v" + version);
    }

    static String routeName(String deployment) {
        return label("cairn-" + deployment);
    }

    static String host(String deployment, KubernetesConfig config) {
        return deployment + "." + config.domain();
    }

    static Map<String, String> labels(String deployment) {
        var labels = new LinkedHashMap<String, String>();
        labels.put("app.kubernetes.io/name", "cairn-inference-server");
        labels.put("app.kubernetes.io/part-of", "cairn");
        labels.put("app.kubernetes.io/managed-by", "cairn-platform-api");
        labels.put(DEPLOYMENT_LABEL, deployment);
        return labels;
    }

    /** The pods of one track: exactly the servers of this deployment and version. */
    static Map<String, String> selector(String deployment, int version) {
        return Map.of(DEPLOYMENT_LABEL, deployment, VERSION_LABEL, String.valueOf(version));
    }

    static Deployment deployment(String deployment, ServedVersion version, int replicas, KubernetesConfig config,
            double predictionSampleRate, long readySeconds) {
        var labels = trackLabels(deployment, version);
        var container = new ContainerBuilder().withName(CONTAINER).withImage(config.image())
                .withImagePullPolicy(config.imagePullPolicy())
                .addNewPort().withName("http").withContainerPort(CONTAINER_PORT).endPort()
                .addNewEnv().withName("CAIRN_MODEL_NAME").withValue(version.model()).endEnv()
                .addNewEnv().withName("CAIRN_MODEL_VERSION").withValue(String.valueOf(version.version())).endEnv()
                .addNewEnv().withName("CAIRN_MODEL_PACKAGE").withValue(version.manifestSha256()).endEnv()
                .addNewEnv().withName("CAIRN_DEPLOYMENT_ID").withValue(deployment).endEnv()
                .addNewEnv().withName("CAIRN_STORE_ROOT").withValue(STORE_MOUNT).endEnv()
                .addNewEnv().withName("CAIRN_KAFKA_BOOTSTRAP").withValue(config.kafkaBootstrap()).endEnv()
                .addNewEnv().withName("CAIRN_PREDICTIONS_SAMPLE_RATE").withValue(String.valueOf(predictionSampleRate))
                .endEnv()
                .addNewEnv().withName("CAIRN_HTTP_HOST").withValue("0.0.0.0").endEnv()
                .addNewEnv().withName("CAIRN_HTTP_PORT").withValue(String.valueOf(CONTAINER_PORT)).endEnv()
                // ready only once the model is loaded, verified and warmed: the Service sends nothing before
                .withReadinessProbe(probe("/v2/health/ready", 1, 3))
                .withLivenessProbe(probe("/v2/health/live", 10, 3))
                .withNewResources()
                .addToRequests("cpu", new Quantity(config.cpuRequest()))
                .addToRequests("memory", new Quantity(config.memoryRequest()))
                .addToLimits("memory", new Quantity(config.memoryLimit()))
                .endResources()
                .withNewLifecycle().withNewPreStop().withNewSleep(config.preStopDelay().toSeconds()).endPreStop()
                .endLifecycle()
                .addNewVolumeMount().withName("model-store").withMountPath(STORE_MOUNT).withReadOnly(true)
                .endVolumeMount()
                .build();
        return new DeploymentBuilder()
                .withNewMetadata().withName(trackName(deployment, version.version())).withLabels(labels)
                .withAnnotations(versionAnnotations(version)).endMetadata()
                .withNewSpec().withReplicas(replicas)
                // the rollout fails visibly when pods cannot become ready in the time the control plane waits
                .withProgressDeadlineSeconds((int) Math.max(readySeconds, 10))
                .withNewSelector().withMatchLabels(selector(deployment, version.version())).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).withAnnotations(versionAnnotations(version)).endMetadata()
                .withNewSpec().withContainers(container)
                .withTerminationGracePeriodSeconds(config.preStopDelay().toSeconds() + 10)
                .addNewVolume().withName("model-store").withNewPersistentVolumeClaim()
                .withClaimName(config.storeClaim()).withReadOnly(true).endPersistentVolumeClaim().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }

    static Service service(String deployment, ServedVersion version) {
        return new ServiceBuilder()
                .withNewMetadata().withName(trackName(deployment, version.version()))
                .withLabels(trackLabels(deployment, version)).withAnnotations(versionAnnotations(version))
                .endMetadata()
                .withNewSpec().withSelector(selector(deployment, version.version()))
                .addNewPort().withName("http").withPort(SERVICE_PORT).withTargetPort(new IntOrString("http"))
                .endPort().endSpec().build();
    }

    /**
     * The deployment's route: all traffic to {@code stable} when there is no candidate; otherwise
     * {@code candidatePercent} of it to the candidate (weights always sum to 100), or, with {@code mirror}, every
     * request copied to the candidate whose answers the gateway discards (shadow). A request carrying
     * {@value Traffic#PREVIEW_HEADER}{@code : candidate} reaches the candidate in any case.
     *
     * @param candidate the candidate's version, or {@code null}
     */
    static HTTPRoute route(String deployment, int stable, Integer candidate, Traffic traffic, KubernetesConfig config) {
        var annotations = new LinkedHashMap<String, String>();
        annotations.put(STABLE_ANNOTATION, String.valueOf(stable));
        List<HTTPRouteRule> rules = new ArrayList<>();
        if (candidate != null) {
            annotations.put(CANDIDATE_ANNOTATION, String.valueOf(candidate));
            rules.add(new HTTPRouteRuleBuilder().withName("preview")
                    .addNewMatch().addNewHeader().withType("Exact").withName(Traffic.PREVIEW_HEADER).withValue(PREVIEW_VALUE)
                    .endHeader().endMatch()
                    .withBackendRefs(backend(deployment, candidate, 1)).build());
        }
        rules.add(clientRule(deployment, stable, candidate, candidate == null ? Traffic.stableOnly() : traffic));
        return new HTTPRouteBuilder()
                .withNewMetadata().withName(routeName(deployment)).withLabels(labels(deployment))
                .withAnnotations(annotations).endMetadata()
                .withNewSpec()
                .addNewParentRef().withGroup("gateway.networking.k8s.io").withKind("Gateway")
                .withName(config.gatewayName()).withNamespace(config.gatewayNamespace()).endParentRef()
                .withHostnames(host(deployment, config))
                .withRules(rules)
                .endSpec().build();
    }

    private static HTTPRouteRule clientRule(String deployment, int stable, Integer candidate, Traffic traffic) {
        var rule = new HTTPRouteRuleBuilder().withName("clients")
                .addNewMatch().withNewPath().withType("PathPrefix").withValue("/").endPath().endMatch();
        if (traffic.mirror()) {
            rule.withBackendRefs(backend(deployment, stable, 100))
                    .withFilters(new HTTPRouteFilterBuilder().withType("RequestMirror").withNewRequestMirror()
                            .withNewBackendRef().withKind("Service").withName(trackName(deployment, candidate))
                            .withPort(SERVICE_PORT).endBackendRef().endRequestMirror().build());
        } else if (traffic.candidatePercent() > 0) {
            rule.withBackendRefs(backend(deployment, stable, 100 - traffic.candidatePercent()),
                    backend(deployment, candidate, traffic.candidatePercent()));
        } else {
            rule.withBackendRefs(backend(deployment, stable, 100));
        }
        return rule.build();
    }

    private static HTTPBackendRef backend(String deployment, int version, int weight) {
        return new HTTPBackendRefBuilder().withKind("Service").withName(trackName(deployment, version))
                .withPort(SERVICE_PORT).withWeight(weight).build();
    }

    private static Probe probe(String path, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString("http")).endHttpGet()
                .withPeriodSeconds(periodSeconds).withFailureThreshold(failureThreshold).withTimeoutSeconds(1)
                .build();
    }

    private static Map<String, String> trackLabels(String deployment, ServedVersion version) {
        var labels = labels(deployment);
        labels.put(VERSION_LABEL, String.valueOf(version.version()));
        return labels;
    }

    /** Model names may hold characters a label value may not, so name and package go into annotations. */
    private static Map<String, String> versionAnnotations(ServedVersion version) {
        return Map.of(MODEL_ANNOTATION, version.model(), PACKAGE_ANNOTATION, version.manifestSha256());
    }

    /** A deployment name is up to 63 characters itself: longer names keep their start and get a short hash. */
    private static String label(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String suffix = HexFormat.of().formatHex(digest, 0, 4);
            return name.substring(0, MAX_NAME - suffix.length() - 1).replaceAll("-+$", "") + "-" + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
