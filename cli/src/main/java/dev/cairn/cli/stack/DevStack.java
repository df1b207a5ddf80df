package dev.cairn.cli.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The servers Cairn needs, for real and on this machine: PostgreSQL 17 and a single-node KRaft Kafka broker,
 * started in parallel on free loopback ports, with Cairn's topics created. Used by {@code ./cairn up} (with a data
 * directory, so data survives restarts) and by the tests through {@link DevStackResource} (throw-away).
 *
 * <pre>{@code
 * try (var stack = DevStack.start()) {
 *     DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
 * }
 * }</pre>
 */
public final class DevStack implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DevStack.class.getName());

    /** Cairn's topics and their partition counts; dead letters and alerts are rare and need no parallelism. */
    public static final Map<String, Integer> TOPICS = topics();

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafka kafka;
    private final Duration readyIn;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DevStack(EmbeddedPostgres postgres, EmbeddedKafka kafka, Duration readyIn) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.readyIn = readyIn;
    }

    /** Starts a throw-away stack: its data is deleted on {@link #close()}. */
    public static DevStack start() {
        return start(Optional.empty(), Optional.empty());
    }

    /**
     * Starts a stack that keeps its data in {@code dataDir} ({@code postgres/} and {@code kafka/}) between runs and
     * writes PostgreSQL's server log to {@code logDir/postgres.log}.
     */
    public static DevStack start(Path dataDir, Path logDir) {
        return start(Optional.of(dataDir), Optional.of(logDir));
    }

    private static DevStack start(Optional<Path> dataDir, Optional<Path> logDir) {
        QuietLogs.apply();
        long started = System.nanoTime();
        ExecutorService starter = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("cairn-stack-start-", 0).factory());
        try {
            var postgres = CompletableFuture.supplyAsync(unchecked(() -> EmbeddedPostgres.start(
                    dataDir.map(d -> d.resolve("postgres")), logDir.map(d -> d.resolve("postgres.log")))), starter);
            var kafka = CompletableFuture.supplyAsync(unchecked(() -> EmbeddedKafka.start(
                    dataDir.map(d -> d.resolve("kafka")), TOPICS)), starter);
            try {
                CompletableFuture.allOf(postgres, kafka).join();
            } catch (CompletionException e) {
                // Both have finished here; stop whichever did start so no server outlives the failure.
                postgres.thenAccept(DevStack::closeQuietly);
                kafka.thenAccept(DevStack::closeQuietly);
                throw new IllegalStateException("The dev stack did not start: " + e.getCause().getMessage(), e.getCause());
            }
            return new DevStack(postgres.join(), kafka.join(), Duration.ofNanos(System.nanoTime() - started));
        } finally {
            starter.shutdown();
        }
    }

    /** JDBC URL of Cairn's database, {@code cairn}. */
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** The superuser; the server trusts loopback connections, so any password works. */
    public String dbUser() {
        return EmbeddedPostgres.USER;
    }

    public String dbPassword() {
        return "";
    }

    public int postgresPort() {
        return postgres.port();
    }

    /** {@code host:port} of the broker's PLAINTEXT listener. */
    public String kafkaBootstrap() {
        return kafka.bootstrap();
    }

    public int kafkaPort() {
        return kafka.port();
    }

    /** From the call to {@code start} until both servers answered and the topics existed. */
    public Duration readyIn() {
        return readyIn;
    }

    /** Stops the broker, then PostgreSQL. Safe to call more than once. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    @Override
    public String toString() {
        return "PostgreSQL " + jdbcUrl() + " (user " + dbUser() + "), Kafka " + kafkaBootstrap();
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not stop " + server.getClass().getSimpleName(), e);
        }
    }

    private static <T> java.util.function.Supplier<T> unchecked(Callable<T> action) {
        return () -> {
            try {
                return action.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        };
    }

    private static Map<String, Integer> topics() {
        var topics = new LinkedHashMap<String, Integer>();
        topics.put("cairn.tasks", 4);
        topics.put("cairn.task-events", 4);
        topics.put("cairn.tasks.dlq", 1);
        topics.put("cairn.task-events.dlq", 1);
        topics.put("cairn.predictions", 4);
        topics.put("cairn.feedback", 4);
        topics.put("cairn.alerts", 1);
        topics.put("cairn.monitoring", 4);
        topics.put("cairn.monitoring.dlq", 1);
        topics.put("cairn.alerts.dlq", 1);
        return Collections.unmodifiableMap(topics);
    }
}
