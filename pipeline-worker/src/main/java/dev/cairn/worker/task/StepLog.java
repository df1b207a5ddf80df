package dev.cairn.worker.task;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The last lines a step logged, sent with its result (the report's {@code log}) so the run page can show them: what
 * the step's own thread logs at INFO or above (Cairn's and the libraries', e.g. Tribuo's training messages), plus
 * the dispatcher's start and end lines. Bounded: {@value #LINES} lines of at most {@value #WIDTH} characters, so
 * an event stays small however chatty a library is; older lines are dropped and counted.
 */
final class StepLog {
    static final int LINES = 50;
    static final int WIDTH = 300;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Formatter FORMAT = new SimpleFormatter();
    private static final ThreadLocal<StepLog> CURRENT = new ThreadLocal<>();
    private static final Handler HANDLER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            var log = CURRENT.get();
            if (log != null && record.getLevel().intValue() >= java.util.logging.Level.INFO.intValue()) {
                var message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : FORMAT.formatMessage(record);
                var logger = record.getLoggerName() == null ? "" : record.getLoggerName();
                log.add(record.getInstant(), record.getLevel().getName(),
                        logger.substring(logger.lastIndexOf('.') + 1) + ": " + message);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    static {
        // The JBoss log manager (Quarkus) is the JUL log manager: a root handler sees every category's records.
        Logger.getLogger("").addHandler(HANDLER);
    }

    private final Clock clock;
    private final Deque<String> lines = new ArrayDeque<>();
    private int dropped;

    private StepLog(Clock clock) {
        this.clock = clock;
    }

    /** Starts capturing what this thread logs; {@link #end()} stops. */
    static StepLog begin(Clock clock) {
        var log = new StepLog(clock);
        CURRENT.set(log);
        return log;
    }

    /** A line of the dispatcher's own, stamped now. */
    void note(String message) {
        add(clock.instant(), "INFO", message);
    }

    private synchronized void add(java.time.Instant at, String level, String message) {
        var line = TIME.format(at) + " " + level + " " + (message == null ? "" : message.strip());
        lines.addLast(line.length() > WIDTH ? line.substring(0, WIDTH - 1) + "…" : line);
        if (lines.size() > LINES) {
            lines.removeFirst();
            dropped++;
        }
    }

    /** Stops capturing and returns the lines, oldest first; the first says how many were dropped, if any. */
    synchronized List<String> end() {
        CURRENT.remove();
        if (dropped == 0) {
            return List.copyOf(lines);
        }
        var all = new java.util.ArrayList<String>(lines.size() + 1);
        all.add("(" + dropped + " earlier lines dropped)");
        all.addAll(lines);
        return List.copyOf(all);
    }
}
