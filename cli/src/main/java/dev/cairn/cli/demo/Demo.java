package dev.cairn.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.cairn.cli.api.ApiException;
import dev.cairn.cli.api.CairnClient;
import dev.cairn.cli.api.CairnClient.DatasetVersion;
import dev.cairn.cli.api.CairnClient.PipelineRun;
import dev.cairn.cli.auth.ApiAccess;
import dev.cairn.cli.launch.BackgroundUp;
import dev.cairn.cli.launch.DownCommand;
import dev.cairn.cli.launch.StackState;
import dev.cairn.cli.launch.Workspace;
import dev.cairn.cli.pipeline.RunReport;
import dev.cairn.cli.pipeline.RunWatch;

/**
 * {@code cairn demo}: the whole loop on real data, through the public API only. Registers the IBM Telco churn data
 * set, submits {@code demo/churn-pipeline.yaml}, follows the run step by step, then shows the metrics and the
 * registered model with its lineage. Brings a stack up if none runs, and stops it again unless asked to keep it.
 * Logs in as {@link ApiAccess} says: the local {@code ada} by default, a CI client with {@code CAIRN_CLIENT_ID}.
 */
public final class Demo {
    private static final String DATASET = "churn";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    private final Workspace workspace;
    private final PrintStream out;

    public Demo(Workspace workspace, PrintStream out) {
        this.workspace = workspace;
        this.out = out;
    }

    /** Exit code: 0 when the run succeeded and its model is registered. */
    public int run(boolean keepRunning) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        Path csv = workspace.demoDir().resolve("churn.csv");
        Path spec = workspace.demoDir().resolve("churn-pipeline.yaml");
        for (Path required : new Path[] {csv, spec}) {
            if (!Files.isRegularFile(required)) {
                out.println("Missing " + workspace.show(required) + "; it is part of the repository.");
                return 1;
            }
        }
        // Against another Cairn (CAIRN_API_URL) nothing starts here, and nothing is stopped afterwards.
        boolean remote = System.getenv("CAIRN_API_URL") != null && !System.getenv("CAIRN_API_URL").isBlank();
        Optional<StackState> running = remote ? Optional.empty() : StackState.read(workspace).filter(StackState::isReady);
        if (!remote && running.isEmpty() && new BackgroundUp(workspace, out).start().isEmpty()) {
            return 1;
        }
        try {
            return runPipeline(csv, Files.readString(spec), begin);
        } catch (ApiException | ApiAccess.AccessException e) {
            out.println(e.getMessage());
            return 1;
        } finally {
            if (!remote && running.isEmpty() && !keepRunning) {
                new DownCommand(workspace, out).run();
            } else if (!remote && running.isEmpty()) {
                out.println("The stack keeps running; ./cairn down stops it.");
            }
            out.printf("Demo took %.1f s.%n", (System.nanoTime() - begin) / 1e9);
        }
    }

    private int runPipeline(Path csv, String spec, long begin) throws IOException, InterruptedException {
        var access = ApiAccess.resolve(System.getenv(), workspace);
        out.println("Calling " + access.apiUrl() + " as " + access.tokens().who());
        var client = access.client();
        out.println("Registering data set " + DATASET + " from " + workspace.show(csv) + " ...");
        // The file comes from R's write.csv, which writes missing values as NA.
        describe(client.uploadDataset(DATASET, csv, "NA"));
        out.println("Submitting " + workspace.show(workspace.demoDir().resolve("churn-pipeline.yaml")) + " ...");
        PipelineRun run = client.submit(spec);
        out.println("  run " + run.id());
        run = follow(client, run, begin);
        var report = new RunReport(out);
        if (!"SUCCEEDED".equals(run.state())) {
            report.failure(run);
            return 1;
        }
        report.metrics(run);
        if (run.model() == null) {
            out.println("The run succeeded but registered no model.");
            return 1;
        }
        report.model(client.modelVersion(run.model().name(), run.model().version()));
        new DemoDeployment(client, out).deployAndPredict(run.model().name(), Integer.parseInt(run.model().version()), csv);
        return 0;
    }

    private PipelineRun follow(CairnClient client, PipelineRun submitted, long begin) throws IOException, InterruptedException {
        return new RunWatch(client, out, POLL_INTERVAL).follow(submitted, RUN_TIMEOUT, begin).orElseThrow(() ->
                new IOException("Run " + submitted.id() + " not finished after " + RUN_TIMEOUT.toMinutes()
                        + " minutes; follow it with GET /api/pipeline-runs/" + submitted.id()));
    }

    private void describe(DatasetVersion dataset) {
        Map<String, Long> types = dataset.schema() == null || dataset.schema().columns() == null ? Map.of()
                : dataset.schema().columns().stream().collect(Collectors.groupingBy(
                        c -> String.valueOf(c.type()).toLowerCase(), TreeMap::new, Collectors.counting()));
        out.printf("  %s version %s: %s rows; columns %s; sha256 %s%n", dataset.name(), dataset.version(), dataset.rows(),
                types.isEmpty() ? "?" : types.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")),
                dataset.sha256() == null ? "?" : dataset.sha256().substring(0, Math.min(12, dataset.sha256().length())));
    }
}
