package dev.cairn.cli.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.cli.Arguments;
import dev.cairn.cli.UsageException;
import dev.cairn.cli.api.CairnClient.AuditReport;
import dev.cairn.cli.api.ExitCode;
import dev.cairn.cli.auth.ApiAccess;
import dev.cairn.cli.launch.Workspace;

/**
 * {@code cairn audit verify}: has the server recompute the audit log's hash chain. Exit code 0 when every entry
 * verifies, 1 when one was changed or removed (the first broken one is printed), 2 usage, 4 authentication or
 * connection. Print the head hash in a CI log now and then: an attacker who rewrites the whole chain cannot change
 * what was printed elsewhere.
 */
public final class AuditVerifyCommand {
    static final String USAGE = "Usage: ./cairn audit verify";

    private final Workspace workspace;
    private final Map<String, String> env;
    private final PrintStream out;

    public AuditVerifyCommand(Workspace workspace, Map<String, String> env, PrintStream out) {
        this.workspace = workspace;
        this.env = env;
        this.out = out;
    }

    public int run(List<String> words) throws InterruptedException {
        try {
            var args = Arguments.parse(words, Set.of(), Set.of());
            if (!args.positional(1, "verify").get(0).equals("verify")) {
                throw new UsageException("Unknown audit command " + args.positional().get(0));
            }
        } catch (UsageException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return ExitCode.USAGE;
        }
        try {
            AuditReport report = ApiAccess.resolve(env, workspace).client().verifyAudit();
            out.printf("{valid: %s, entries: %d, firstBrokenSeq: %s}%n", report.valid(), report.entries(), report.firstBrokenSeq());
            if (report.valid()) {
                out.println("The audit log verifies: " + report.entries() + " entries, head hash " + report.headHash());
                return ExitCode.OK;
            }
            out.println("The audit log was TAMPERED WITH: entry " + report.firstBrokenSeq() + " does not verify"
                    + (report.reason() == null ? "." : ": " + report.reason()));
            return ExitCode.FAILED;
        } catch (IOException e) {
            out.println(e.getMessage());
            return ExitCode.of(e);
        }
    }
}
