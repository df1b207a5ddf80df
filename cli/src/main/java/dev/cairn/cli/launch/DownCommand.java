package dev.cairn.cli.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code cairn down}: signals the {@code up} process, whose shutdown hook stops the services and then the servers,
 * and waits until it has exited. Services left behind by an {@code up} that was killed outright are stopped too.
 */
public final class DownCommand {
    /** Services get 30 s each to drain, then the servers stop; beyond this something is stuck. */
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);

    private final Workspace workspace;
    private final PrintStream out;

    public DownCommand(Workspace workspace, PrintStream out) {
        this.workspace = workspace;
        this.out = out;
    }

    public int run() throws IOException, InterruptedException {
        Optional<StackState> state = StackState.read(workspace);
        Optional<ProcessHandle> up = launcherPid().or(() -> state.map(StackState::pid))
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(StackState::isLauncher);
        if (up.isEmpty()) {
            int orphans = stopOrphans(state.map(StackState::servicePids).orElse(Map.of()));
            Files.deleteIfExists(workspace.stackFile());
            Files.deleteIfExists(workspace.pidFile());
            out.println(orphans == 0 ? "Cairn is not running." : "Cairn was not running; stopped " + orphans + " leftover service(s).");
            return 0;
        }
        long begin = System.nanoTime();
        out.println("Stopping Cairn (pid " + up.get().pid() + ") ...");
        up.get().destroy();
        try {
            up.get().onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            out.println("Still running after " + EXIT_TIMEOUT.toSeconds() + " s; killing it.");
            up.get().destroyForcibly();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        stopOrphans(state.map(StackState::servicePids).orElse(Map.of()));
        out.printf("Cairn stopped in %.1f s.%n", (System.nanoTime() - begin) / 1e9);
        return 0;
    }

    private Optional<Long> launcherPid() throws IOException {
        if (!Files.isRegularFile(workspace.pidFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(workspace.pidFile()).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Quarkus services whose {@code up} died without its shutdown hook (SIGKILL). */
    private int stopOrphans(Map<String, Long> servicePids) {
        int stopped = 0;
        for (var service : servicePids.entrySet()) {
            var orphan = ProcessHandle.of(service.getValue()).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("quarkus-run.jar")).orElse(false));
            if (orphan.isPresent()) {
                out.println("Stopping " + service.getKey() + " (pid " + service.getValue() + "), left running.");
                orphan.get().destroy();
                orphan.get().onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> {
                    orphan.get().destroyForcibly();
                    return null;
                }).join();
                stopped++;
            }
        }
        return stopped;
    }
}
