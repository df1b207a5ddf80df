package dev.cairn.cli.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.cairn.cli.UsageException;
import dev.cairn.cli.api.ApiException;
import dev.cairn.cli.api.CairnClient.PipelineRun;
import dev.cairn.cli.api.ExitCode;
import dev.cairn.cli.auth.ApiAccess;
import dev.cairn.cli.launch.Workspace;

/**
 * {@code cairn run <spec.yaml> [--wait] [--timeout 30m]}: submits a pipeline spec and, with {@code --wait}, follows
 * the run to its end. Exit codes ({@link ExitCode}): 0 succeeded (or submitted, without {@code --wait}), 1 failed or
 * cancelled, 2 usage or an invalid spec, 3 timeout (the run goes on), 4 authentication or connection.
 *
 * <p>Under GitHub Actions ({@code GITHUB_OUTPUT} set) it also writes the step outputs {@code run-id}, {@code state},
 * {@code model} and {@code model-version}, so a later step can promote exactly the version this run registered.
 */
public final class RunCommand {
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final Workspace workspace;
    private final Map<String, String> env;
    private final PrintStream out;

    public RunCommand(Workspace workspace, Map<String, String> env, PrintStream out) {
        this.workspace = workspace;
        this.env = env;
        this.out = out;
    }

    public int run(List<String> args) throws InterruptedException {
        RunOptions options;
        String spec;
        try {
            options = RunOptions.parse(args);
            spec = readSpec(options.spec());
        } catch (UsageException e) {
            out.println(e.getMessage());
            out.println(RunOptions.USAGE);
            return ExitCode.USAGE;
        }
        try {
            return submit(options, spec);
        } catch (IOException e) {
            out.println(e instanceof ApiException ? e.getMessage() : "cairn run: " + e.getMessage());
            return ExitCode.of(e);
        }
    }

    private int submit(RunOptions options, String spec) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        var access = ApiAccess.resolve(env, workspace);
        out.println("Submitting " + options.spec() + " to " + access.apiUrl() + " as " + access.tokens().who());
        PipelineRun run = access.client().submit(spec);
        out.println("Run " + run.id() + " (pipeline " + run.pipeline() + ") " + run.state());
        if (!options.await()) {
            outputs(run);
            return ExitCode.OK;
        }
        Optional<PipelineRun> finished = new RunWatch(access.client(), out, POLL_INTERVAL).follow(run, options.timeout(), begin);
        outputs(finished.orElse(run));
        if (finished.isEmpty()) {
            out.println("Run " + run.id() + " has not finished after " + human(options.timeout()) + "; it goes on. "
                    + "Follow it: GET /api/pipeline-runs/" + run.id() + "; stop it: POST /api/pipeline-runs/" + run.id() + "/cancel");
            return ExitCode.TIMEOUT;
        }
        return report(finished.get(), begin);
    }

    private static String human(Duration duration) {
        return duration.toSecondsPart() == 0 && duration.toMinutes() > 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private int report(PipelineRun run, long begin) {
        var report = new RunReport(out);
        if (!run.succeeded()) {
            report.failure(run);
            return ExitCode.FAILED;
        }
        report.metrics(run);
        out.printf("Run %s SUCCEEDED in %.1f s%s%n", run.id(), (System.nanoTime() - begin) / 1e9, run.model() == null ? ""
                : "; registered model " + run.model().name() + " version " + run.model().version());
        return ExitCode.OK;
    }

    private static String readSpec(Path spec) throws UsageException {
        try {
            return Files.readString(spec);
        } catch (IOException e) {
            throw new UsageException("Cannot read the spec " + spec + ": " + e.getMessage());
        }
    }

    /** GitHub Actions step outputs, written once per run: {@code key=value} lines appended to {@code GITHUB_OUTPUT}. */
    private void outputs(PipelineRun run) throws IOException {
        String file = env.get("GITHUB_OUTPUT");
        if (file == null || file.isBlank()) {
            return;
        }
        var values = new LinkedHashMap<String, String>();
        values.put("run-id", run.id());
        values.put("state", run.state());
        if (run.model() != null) {
            values.put("model", run.model().name());
            values.put("model-version", run.model().version());
        }
        String lines = values.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(Collectors.joining());
        Files.writeString(Path.of(file), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
