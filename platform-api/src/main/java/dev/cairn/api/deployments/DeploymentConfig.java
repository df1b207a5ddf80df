package dev.cairn.api.deployments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Which runtime serves deployments, and how the local runtime starts inference servers. */
@ConfigMapping(prefix = "cairn.deployments")
public interface DeploymentConfig {

    /**
     * {@code local} (child processes on this machine) or {@code kubernetes} (Deployments, Services and an HTTPRoute
     * per deployment, see {@code cairn.deployments.kubernetes.*}). Read at start-up.
     */
    @WithDefault("local")
    String runtime();

    /** The packaged inference server ({@code deploy} module). */
    @WithDefault("deploy/target/quarkus-app/quarkus-run.jar")
    Path serverJar();

    /** JVM options of each server: a single small model needs little heap. */
    @WithDefault("-Xmx256m,-XX:+UseSerialGC")
    List<String> javaOptions();

    /**
     * Start servers with the JVM's AOT cache ({@code app.aot} next to the server jar, written by the {@code deploy}
     * build's training run on JDK 25+): classes come loaded and linked, and the first prediction arrives about twice
     * as soon. Without the file, or on an older JDK, servers start without it.
     */
    @WithDefault("true")
    boolean aotCache();

    /** How long a new server may take to load, verify and warm its model before the deployment fails. */
    @WithDefault("60s")
    Duration readyTimeout();

    /** How long replaced servers keep running after traffic left them, so requests in flight finish. */
    @WithDefault("2s")
    Duration drain();

    /** Share of predictions each server publishes to {@code cairn.predictions}. */
    @WithDefault("1.0")
    double predictionSampleRate();

    /** Where servers write their logs ({@code <deployment>-<port>.log}). */
    @WithDefault("${java.io.tmpdir}/cairn-deployments")
    Path logDir();

    /** The broker servers publish predictions to; the control plane's own. */
    @WithDefault("${kafka.bootstrap.servers}")
    String kafkaBootstrap();

    /** The artifact store servers load packages from; the control plane's own. */
    @WithDefault("${cairn.store.root}")
    Path storeRoot();
}
