package dev.cairn.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * pg_ctl daemonizes the server, so a launcher killed with SIGKILL leaves PostgreSQL running on the persistent data
 * directory, and the next start would fail on its lock. Such an orphan is stopped first.
 */
final class PostmasterOrphan {
    private static final Logger LOG = Logger.getLogger(PostmasterOrphan.class.getName());

    private PostmasterOrphan() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> orphan = readPid(dataDir.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warning("Stopping PostgreSQL left running on " + dataDir + " (pid " + orphan.get().pid() + ")");
        // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients that may be orphans as well.
        new ProcessBuilder("kill", "-INT", Long.toString(orphan.get().pid())).inheritIO().start();
        // An orphan's parent is init, which may reap it late: its pid file going away is the sign it has stopped.
        Path pidFile = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Files.exists(pidFile) && orphan.get().isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping PostgreSQL " + orphan.get().pid(), e);
            }
        }
        if (Files.exists(pidFile)) {
            orphan.get().destroyForcibly();
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        var lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
