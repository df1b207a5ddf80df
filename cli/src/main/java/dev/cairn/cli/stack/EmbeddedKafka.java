package dev.cairn.cli.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one server) from Apache Kafka's own
 * jars, listening on loopback only. Sized for one developer: replication factor 1, few partitions, no rebalance
 * delay, so a consumer group is ready as soon as it joins.
 */
final class EmbeddedKafka implements AutoCloseable {
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrap;
    private final Path logDir;
    private final boolean temporary;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap, Path logDir, boolean temporary) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.logDir = logDir;
        this.temporary = temporary;
    }

    /**
     * Returns once the broker serves clients and {@code topics} (name to partition count) exist.
     *
     * @param dataDir where topics live between runs; empty for a throw-away log directory
     */
    static EmbeddedKafka start(Optional<Path> dataDir, Map<String, Integer> topics) throws Exception {
        Path logDir = dataDir.isPresent()
                ? Files.createDirectories(dataDir.get())
                : Files.createTempDirectory("cairn-kafka-");
        int brokerPort = FreePort.pick();
        int controllerPort = FreePort.pick();
        var config = new KafkaConfig(properties(logDir, brokerPort, controllerPort), false);
        formatOnce(logDir);
        var kafka = new EmbeddedKafka(new KafkaRaftServer(config, Time.SYSTEM), "127.0.0.1:" + brokerPort, logDir,
                dataDir.isEmpty());
        try {
            kafka.server.startup();
            try (var admin = kafka.admin()) {
                awaitBrokerRegistered(admin, kafka.bootstrap);
                createMissing(admin, topics);
            }
        } catch (RuntimeException | InterruptedException | ExecutionException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    String bootstrap() {
        return bootstrap;
    }

    int port() {
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    /** An existing topic keeps its partitions and data: a persistent log directory already has them. */
    private static void createMissing(Admin admin, Map<String, Integer> partitionsByTopic)
            throws InterruptedException, ExecutionException {
        var existing = admin.listTopics().names().get();
        var missing = partitionsByTopic.entrySet().stream()
                .filter(topic -> !existing.contains(topic.getKey()))
                .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                .toList();
        try {
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static Properties properties(Path logDir, int brokerPort, int controllerPort) {
        var props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One broker: every replication factor and in-sync minimum must be 1, or internal topics never appear.
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // The defaults (50 partitions for offsets) make the first consumer group wait while they are created.
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "4");
        props.put("auto.create.topics.enable", "true");
        // The log cleaner allocates a 128 MB buffer up front; a dev stack compacts little.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // After a SIGKILL the controller keeps the dead broker's registration until its session expires (9 s by
        // default), and the restarted broker waits for that; short heartbeats make the wait short.
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "2500");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        return props;
    }

    /** A log directory is formatted once with a fresh cluster id; a persistent one keeps its id from then on. */
    private static void formatOnce(Path logDir) throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .addDirectory(logDir.toString())
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();
    }

    /** Topics can be created only once the broker has registered with the controller. */
    private static void awaitBrokerRegistered(Admin admin, String bootstrap) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            try {
                if (!admin.describeCluster().nodes().get().isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                lastFailure = e;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Kafka broker on " + bootstrap + " not ready after " + READY_TIMEOUT, lastFailure);
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            Directories.delete(logDir);
        }
    }

}
