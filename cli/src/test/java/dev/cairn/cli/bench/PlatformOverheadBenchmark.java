package dev.cairn.cli.bench;

import dev.cairn.cli.api.CairnClient;
import dev.cairn.cli.api.CairnClient.PipelineRun;
import dev.cairn.cli.api.CairnClient.Step;
import dev.cairn.cli.auth.ApiAccess;
import dev.cairn.cli.launch.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The platform's side of {@code bench/platform-overhead.sh}: against a running stack ({@code ./cairn up}), uploads
 * a CSV, submits an XGBoost pipeline on it twice without step caching (the first run warms the worker's JIT) and
 * prints, for the second run:
 * <ul>
 * <li>{@code platform_train_seconds}: from the split step's end, when the control plane hands the train task to the
 * outbox, to the train step's end as the worker reported it: dispatch through Kafka, loading the split from the
 * store, featurising, training, packaging and uploading the model;</li>
 * <li>{@code fixed_cost_seconds}: the run's whole time (created to finished) minus the time its steps spent working
 * (each step's start to end), i.e. what the pipeline machinery adds around the steps.</li>
 * </ul>
 * Arguments: the CSV, the target column, the number of XGBoost rounds.
 */
public final class PlatformOverheadBenchmark {
    private static final Duration POLL = Duration.ofMillis(100);

    private PlatformOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        String target = args[1];
        int rounds = Integer.parseInt(args[2]);
        var client = ApiAccess.resolve(System.getenv(), Workspace.locate()).client();
        String dataset = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        client.uploadDataset(dataset, csv, "NA");
        String spec = """
                name: %s
                dataset: %s
                target: %s
                cache: false
                steps:
                  clean: { missing: drop, duplicates: keep, outliers: none }
                  split: { test: 0.2, stratify: true, seed: 42 }
                  train: { algorithm: xgboost, params: { rounds: %d } }
                  evaluate: { metrics: [accuracy, f1_macro] }
                """.formatted(dataset, dataset, target, rounds);
        finished(client, client.submit(spec)); // warm-up
        PipelineRun run = finished(client, client.submit(spec));
        if (!run.succeeded()) {
            throw new IllegalStateException("run " + run.id() + " " + run.state() + ": " + run.reason());
        }
        Step split = step(run, "SPLIT");
        Step train = step(run, "TRAIN");
        double platformTrain = seconds(split.finishedAt(), train.finishedAt());
        double working = run.steps().stream().filter(s -> s.startedAt() != null && s.finishedAt() != null)
                .mapToDouble(s -> seconds(s.startedAt(), s.finishedAt())).sum();
        double whole = seconds(run.createdAt(), run.finishedAt());
        System.out.printf("platform_train_seconds=%.3f%n", platformTrain);
        System.out.printf("train_step_seconds=%.3f%n", seconds(train.startedAt(), train.finishedAt()));
        System.out.printf("run_seconds=%.3f%n", whole);
        System.out.printf("fixed_cost_seconds=%.3f%n", whole - working);
        System.out.printf("run=%s accuracy=%s%n", run.id(), run.metrics() == null ? "?" : run.metrics().path("accuracy"));
    }

    private static PipelineRun finished(CairnClient client, PipelineRun submitted) throws IOException, InterruptedException {
        PipelineRun run = submitted;
        while (!run.finished()) {
            Thread.sleep(POLL);
            run = client.run(run.id());
        }
        return run;
    }

    private static Step step(PipelineRun run, String name) {
        List<Step> steps = run.steps();
        return steps.stream().filter(s -> name.equals(s.step())).findFirst()
                .orElseThrow(() -> new IllegalStateException("run " + run.id() + " has no step " + name));
    }

    private static double seconds(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to)).toNanos() / 1e9;
    }
}
