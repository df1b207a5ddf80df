package dev.cairn.cli.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

import dev.cairn.cli.api.ApiException;
import dev.cairn.cli.api.CairnClient;
import dev.cairn.cli.api.CairnClient.PipelineRun;
import dev.cairn.cli.stack.KeycloakTokens;

/**
 * Follows a pipeline run until it finishes or time runs out, printing each step as it changes state. A platform
 * that does not answer for a while (a restart, a network blip) is waited for, up to {@link #OUTAGE_TOLERANCE}:
 * a half-hour CI wait should not fail on one lost poll. Refusals (4xx, a rejected token) end the watch at once.
 */
public final class RunWatch {
    static final Duration OUTAGE_TOLERANCE = Duration.ofMinutes(2);

    private final CairnClient client;
    private final RunReport report;
    private final Duration pollInterval;
    private final PrintStream out;

    public RunWatch(CairnClient client, PrintStream out, Duration pollInterval) {
        this.client = client;
        this.report = new RunReport(out);
        this.pollInterval = pollInterval;
        this.out = out;
    }

    /** The finished run; empty when {@code timeout} passed first. {@code begin}: {@link System#nanoTime()} at the start. */
    public Optional<PipelineRun> follow(PipelineRun submitted, Duration timeout, long begin) throws IOException, InterruptedException {
        PipelineRun run = submitted;
        long deadline = System.nanoTime() + timeout.toNanos();
        long unreachableSince = 0;
        while (true) {
            report.progress(run, Duration.ofNanos(System.nanoTime() - begin));
            if (run.finished()) {
                return Optional.of(run);
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            Thread.sleep(pollInterval.toMillis());
            try {
                run = client.run(run.id());
                unreachableSince = 0;
            } catch (IOException e) {
                if (!isTransient(e) || (unreachableSince != 0 && System.nanoTime() - unreachableSince > OUTAGE_TOLERANCE.toNanos())) {
                    throw e;
                }
                if (unreachableSince == 0) {
                    unreachableSince = System.nanoTime();
                    out.println("  (the platform does not answer: " + e.getMessage() + "; retrying for up to "
                            + OUTAGE_TOLERANCE.toMinutes() + " minutes)");
                }
            }
        }
    }

    /** Connection failures and gateway errors pass; a refusal (4xx, a rejected grant) or a 500 will not. */
    static boolean isTransient(IOException e) {
        if (e instanceof ApiException api) {
            return api.status() == 502 || api.status() == 503 || api.status() == 504;
        }
        return !(e instanceof KeycloakTokens.TokenException);
    }
}
