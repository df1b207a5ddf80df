package dev.cairn.cli.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The broker and PostgreSQL's wrapper log every step at INFO; a dev stack should speak up only when something is
 * wrong. Levels are set through java.util.logging, which is what SLF4J ends up in on every classpath that runs
 * the stack (JBoss LogManager in Quarkus tests and in the launcher).
 */
final class QuietLogs {
    private static final List<String> CATEGORIES = List.of(
            "org.apache.kafka", "kafka", "state.change.logger", "io.zonky.test");
    // JUL keeps loggers only weakly; a collected logger forgets its level.
    private static final List<Logger> HELD = new ArrayList<>();

    private QuietLogs() {
    }

    static synchronized void apply() {
        if (!HELD.isEmpty()) {
            return;
        }
        for (String category : CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            HELD.add(logger);
        }
    }
}
