package dev.cairn.cli.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cairn up --detach}: runs {@code cairn up} as a background process in its own session (so Ctrl-C in this
 * terminal does not reach it), and returns once {@code stack.json} says it is ready, or with the end of its log
 * once it has died.
 */
public final class BackgroundUp {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final Workspace workspace;
    private final PrintStream out;

    public BackgroundUp(Workspace workspace, PrintStream out) {
        this.workspace = workspace;
        this.out = out;
    }

    /** The ready stack, already running or started now; empty when it could not start (the reason is printed). */
    public Optional<StackState> start() throws IOException, InterruptedException {
        var existing = StackState.read(workspace).filter(StackState::isAlive);
        if (existing.isPresent() && existing.get().isReady()) {
            out.println("Cairn is already running.");
            StackSummary.print(existing.get(), workspace, out);
            return existing;
        }
        Process up = existing.isPresent() ? null : spawn();
        out.println("Starting Cairn in the background (log: " + workspace.show(workspace.launcherLog()) + ") ...");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var state = StackState.read(workspace);
            if (state.isPresent() && state.get().isReady()) {
                StackSummary.print(state.get(), workspace, out);
                return state;
            }
            boolean exited = up != null ? !up.isAlive() : existing.map(s -> !s.isAlive()).orElse(true);
            if (exited) {
                out.println("Cairn did not start. Last lines of " + workspace.show(workspace.launcherLog()) + ":");
                out.println(LogTail.of(workspace.launcherLog(), 40));
                return Optional.empty();
            }
            Thread.sleep(200);
        }
        out.println("Cairn is not ready after " + READY_TIMEOUT.toMinutes() + " minutes; it keeps starting. "
                + "See " + workspace.show(workspace.launcherLog()) + " and stop it with ./cairn down.");
        return Optional.empty();
    }

    /** Same JVM, same classpath, same repository; output goes to the launcher log. */
    private Process spawn() throws IOException {
        Files.createDirectories(workspace.logsDir());
        var command = new ArrayList<String>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Heap sizes and JDK switches the script chose; not agents or debuggers, which would clash on their ports.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-X") || arg.startsWith("--sun-misc-unsafe-memory-access"))
                .forEach(command::add);
        command.addAll(List.of(
                "-Dcairn.repo=" + workspace.repo(),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"),
                "dev.cairn.cli.Main", "up"));
        return new ProcessBuilder(command)
                .directory(workspace.repo().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(workspace.launcherLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
    }
}
