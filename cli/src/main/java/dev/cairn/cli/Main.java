package dev.cairn.cli;

import java.io.PrintStream;
import java.util.List;

import dev.cairn.cli.demo.Demo;
import dev.cairn.cli.launch.BackgroundUp;
import dev.cairn.cli.launch.DownCommand;
import dev.cairn.cli.launch.StatusCommand;
import dev.cairn.cli.launch.UpCommand;
import dev.cairn.cli.launch.Workspace;

/**
 * The {@code cairn} command. The script at the repository root runs it with {@code -Dcairn.repo=<root>}, and turns
 * {@code ./cairn up} into {@code up --detach} unless {@code --foreground} is given.
 */
public final class Main {
    private static final String USAGE = """
            Usage: ./cairn <command>
              up                      start PostgreSQL, Kafka, platform-api and pipeline-worker in the background;
                                      returns once all are ready
                 --foreground         hold them in this terminal instead, until Ctrl-C
              down                    stop what `up` started
              status                  show what runs and where; exit code 3 when nothing does
              demo [--keep-running]   train and register a churn model end to end through the API
            Data, logs and the local user's password live under .cairn/ (see cli/README.md).""";

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything logs: SLF4J from the broker and PostgreSQL goes to JBoss LogManager through JUL.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        System.exit(run(List.of(args), System.out));
    }

    static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            out.println(USAGE);
            return 2;
        }
        var workspace = Workspace.locate();
        var options = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "up" -> options.contains("--detach")
                        ? (new BackgroundUp(workspace, out).start().isPresent() ? 0 : 1)
                        : new UpCommand(workspace, out).run();
                case "down" -> new DownCommand(workspace, out).run();
                case "status" -> new StatusCommand(workspace, out).run();
                case "demo" -> new Demo(workspace, out).run(options.contains("--keep-running"));
                case "help", "-h", "--help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> usage(out);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            out.println("cairn " + args.get(0) + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream out) {
        out.println(USAGE);
        return 2;
    }
}
