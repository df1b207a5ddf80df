package dev.cairn.cli;

import java.io.PrintStream;
import java.util.List;

import dev.cairn.cli.audit.AuditVerifyCommand;
import dev.cairn.cli.demo.Demo;
import dev.cairn.cli.launch.BackgroundUp;
import dev.cairn.cli.launch.DownCommand;
import dev.cairn.cli.launch.StatusCommand;
import dev.cairn.cli.launch.UpCommand;
import dev.cairn.cli.launch.Workspace;
import dev.cairn.cli.pipeline.RunCommand;
import dev.cairn.cli.registry.AliasCommand;
import dev.cairn.cli.scenario.DriftScenario;

/**
 * The {@code cairn} command. The script at the repository root runs it with {@code -Dcairn.repo=<root>}, and turns
 * {@code ./cairn up} into {@code up --detach} unless {@code --foreground} is given.
 */
public final class Main {
    private static final String USAGE = """
            Usage: ./cairn <command>
              up                      start Keycloak, PostgreSQL, Kafka, platform-api and pipeline-worker in the
                                      background; returns once all are ready
                 --foreground         hold them in this terminal instead, until Ctrl-C
              down                    stop what `up` started
              status                  show what runs and where; exit code 3 when nothing does
              demo [--keep-running]   train and register a churn model end to end through the API
              scenario drift [--data flights.csv] [--keep-running]
                                      the monitoring loop on real flights: train on January, serve February,
                                      alert on drift, retrain on the newer data, roll the new version out
            For CI (exit codes: 0 ok, 1 failed, 2 usage or rejected, 3 timeout, 4 auth or connection):
              run <spec.yaml> [--wait] [--timeout 30m]     submit a pipeline run; --wait follows it to its end
              promote <model> <version> [--alias production]   point an alias at a version
              rollback <model> [--alias production]        move an alias back to where it was before its last move
              audit verify                                 check the audit log's hash chain; exit code 1 if tampered
            They call CAIRN_API_URL with a token for CAIRN_CLIENT_ID/CAIRN_CLIENT_SECRET from CAIRN_OIDC_URL, or
            the local stack as its user ada. Data, logs and passwords live under .cairn/ (see cli/README.md).""";

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
                case "scenario" -> options.isEmpty() || !options.get(0).equals("drift") ? usage(out)
                        : new DriftScenario(workspace, out).run(options.subList(1, options.size()));
                case "run" -> new RunCommand(workspace, System.getenv(), out).run(options);
                case "promote" -> new AliasCommand(workspace, System.getenv(), out).promote(options);
                case "rollback" -> new AliasCommand(workspace, System.getenv(), out).rollback(options);
                case "audit" -> new AuditVerifyCommand(workspace, System.getenv(), out).run(options);
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
