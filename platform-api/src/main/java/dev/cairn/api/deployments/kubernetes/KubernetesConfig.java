package dev.cairn.api.deployments.kubernetes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the kubernetes runtime ({@code cairn.deployments.runtime=kubernetes}) lays out a deployment in the cluster. */
@ConfigMapping(prefix = "cairn.deployments.kubernetes")
public interface KubernetesConfig {

    /** Namespace of every Deployment, Service and HTTPRoute the runtime creates; the control plane's Role is there. */
    @WithDefault("cairn")
    String namespace();

    /** The inference server image (the {@code deploy} module packaged as a container). */
    @WithDefault("cairn/inference-server:0.1.0-SNAPSHOT")
    String image();

    @WithDefault("IfNotPresent")
    String imagePullPolicy();

    /** The Gateway API Gateway the routes attach to (parentRef). */
    @WithDefault("cairn")
    String gatewayName();

    @WithDefault("cairn")
    String gatewayNamespace();

    /** Each deployment answers at {@code http://<deployment>.<domain>}: a host per deployment keeps the paths as-is. */
    @WithDefault("models.cairn.local")
    String domain();

    /** PersistentVolumeClaim holding the model store (read-only in the pods), the one the control plane writes. */
    @WithDefault("cairn-store")
    String storeClaim();

    /** The broker pods publish predictions to, as seen from inside the cluster. */
    @WithDefault("kafka:9092")
    String kafkaBootstrap();

    /** Requests sized for one small Tribuo model: scheduling needs them, and the memory limit stops a leak early. */
    @WithDefault("250m")
    String cpuRequest();

    @WithDefault("384Mi")
    String memoryRequest();

    @WithDefault("512Mi")
    String memoryLimit();

    /** How often the runtime reads a Deployment's status while it waits for readiness. */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * A pod still receives requests for a moment after it is told to stop (endpoints and the gateway learn of it
     * asynchronously); it keeps serving this long first, so the gateway never sends to a closed port.
     */
    @WithDefault("5s")
    Duration preStopDelay();
}
