package dev.cairn.cli.launch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cairn.cli.stack.DevStack;

/**
 * PostgreSQL and Kafka behind a running stack: the embedded {@link DevStack} with its data under
 * {@code .cairn/data}, or external servers when both {@code CAIRN_DB_URL} and {@code CAIRN_KAFKA_BOOTSTRAP} are set.
 */
record Servers(String jdbcUrl, String dbUser, String dbPassword, String kafkaBootstrap, Map<String, Integer> ports,
               Duration readyIn, AutoCloseable owned) implements AutoCloseable {

    static Servers start(Workspace workspace, Map<String, String> env) {
        if (env.containsKey("CAIRN_DB_URL") && env.containsKey("CAIRN_KAFKA_BOOTSTRAP")) {
            return new Servers(env.get("CAIRN_DB_URL"), env.getOrDefault("CAIRN_DB_USER", "postgres"),
                    env.getOrDefault("CAIRN_DB_PASSWORD", ""), env.get("CAIRN_KAFKA_BOOTSTRAP"), Map.of(),
                    Duration.ZERO, () -> { });
        }
        DevStack stack = DevStack.start(workspace.dataDir(), workspace.logsDir());
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("postgres", stack.postgresPort());
        ports.put("kafka", stack.kafkaPort());
        return new Servers(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword(), stack.kafkaBootstrap(), ports,
                stack.readyIn(), stack);
    }

    boolean embedded() {
        return !ports.isEmpty();
    }

    @Override
    public String toString() {
        return embedded() ? "embedded PostgreSQL and Kafka" : "external PostgreSQL and Kafka";
    }

    @Override
    public void close() throws Exception {
        owned.close();
    }
}
