package dev.cairn.cli.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The broker and PostgreSQL's wrapper log every step at INFO; a dev stack should speak up only when something is
 * wrong. Levels are set through java.util.logging, which is what SLF4J ends up in on every classpath that runs
 * the stack (JBoss LogManager in Quarkus tests and in the launcher).
 */
final class QuietLogs {
    private static final Map<String, Level> LEVELS = Map.of(
            "org.apache.kafka", Level.WARNING,
            "kafka", Level.WARNING,
            "state.change.logger", Level.WARNING,
            "io.zonky.test", Level.WARNING,
            // Warns on every fresh log directory that it writes the bootstrap records, which is what we asked for.
            "org.apache.kafka.controller.QuorumController", Level.SEVERE);
    // JUL keeps loggers only weakly; a collected logger forgets its level.
    private static final List<Logger> HELD = new ArrayList<>();

    private QuietLogs() {
    }

    static synchronized void apply() {
        if (!HELD.isEmpty()) {
            return;
        }
        LEVELS.forEach((category, level) -> {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(level);
            HELD.add(logger);
        });
        // Kafka 4.1's broker closes its controller channel twice on every shutdown and warns about it. The logger is
        // shared with the applications' own clients, whose warnings matter, so only this message is dropped.
        Logger clients = Logger.getLogger("org.apache.kafka.clients.NetworkClient");
        clients.setFilter(record -> record.getMessage() == null
                || !record.getMessage().contains("NetworkClient that has already been closed"));
        HELD.add(clients);
    }
}
