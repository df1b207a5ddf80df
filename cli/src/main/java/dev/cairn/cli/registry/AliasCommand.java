package dev.cairn.cli.registry;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.cli.Arguments;
import dev.cairn.cli.UsageException;
import dev.cairn.cli.api.CairnClient.Alias;
import dev.cairn.cli.api.ExitCode;
import dev.cairn.cli.auth.ApiAccess;
import dev.cairn.cli.launch.Workspace;

/**
 * Moving a model's alias, the release step of CI:
 * <ul>
 * <li>{@code cairn promote <model> <version> [--alias production]}: points the alias at the version;</li>
 * <li>{@code cairn rollback <model> [--alias production]}: points it back where it was before its last move.</li>
 * </ul>
 * Moving a protected alias ({@code production} by default) needs the {@code release-manager} role. Exit codes as
 * {@link ExitCode}: 0 moved, 2 usage or refused by the registry (unknown model or version, nothing to roll back
 * to), 4 authentication, permission or connection.
 */
public final class AliasCommand {
    static final String PROMOTE_USAGE = "Usage: ./cairn promote <model> <version> [--alias production]";
    static final String ROLLBACK_USAGE = "Usage: ./cairn rollback <model> [--alias production]";
    static final String DEFAULT_ALIAS = "production";

    private final Workspace workspace;
    private final Map<String, String> env;
    private final PrintStream out;

    public AliasCommand(Workspace workspace, Map<String, String> env, PrintStream out) {
        this.workspace = workspace;
        this.env = env;
        this.out = out;
    }

    public int promote(List<String> words) throws InterruptedException {
        Move move;
        try {
            move = Move.promotion(words);
        } catch (UsageException e) {
            return usage(e, PROMOTE_USAGE);
        }
        return execute(move);
    }

    public int rollback(List<String> words) throws InterruptedException {
        Move move;
        try {
            move = Move.rollback(words);
        } catch (UsageException e) {
            return usage(e, ROLLBACK_USAGE);
        }
        return execute(move);
    }

    private int execute(Move move) throws InterruptedException {
        try {
            var access = ApiAccess.resolve(env, workspace);
            var client = access.client();
            Alias moved = move.version() == null ? client.rollbackAlias(move.model(), move.alias())
                    : client.pointAlias(move.model(), move.alias(), move.version());
            out.println((move.version() == null ? "Rolled back " : "Promoted: ") + moved.model() + "@" + moved.alias()
                    + " -> version " + moved.version() + " (by " + moved.updatedBy() + " at " + moved.updatedAt() + ")");
            return ExitCode.OK;
        } catch (IOException e) {
            out.println(e.getMessage());
            return ExitCode.of(e);
        }
    }

    private int usage(UsageException e, String usage) {
        out.println(e.getMessage());
        out.println(usage);
        return ExitCode.USAGE;
    }

    /** @param version null for a rollback */
    record Move(String model, String alias, Integer version) {
        static Move promotion(List<String> words) throws UsageException {
            var args = Arguments.parse(words, Set.of(), Set.of("alias"));
            List<String> positional = args.positional(2, "a model name and a version number");
            return new Move(positional.get(0), args.option("alias").orElse(DEFAULT_ALIAS), version(positional.get(1)));
        }

        static Move rollback(List<String> words) throws UsageException {
            var args = Arguments.parse(words, Set.of(), Set.of("alias"));
            return new Move(args.positional(1, "a model name").get(0), args.option("alias").orElse(DEFAULT_ALIAS), null);
        }

        private static int version(String text) throws UsageException {
            try {
                int version = Integer.parseInt(text);
                if (version >= 1) {
                    return version;
                }
            } catch (NumberFormatException notANumber) {
                // the message below says what is expected
            }
            throw new UsageException("Version " + text + ": expected a version number (1, 2, ...)");
        }
    }
}
