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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The platform's side of {@code bench/platform-overhead.sh}: against a running stack ({@code ./cairn up}), uploads
 * a CSV, submits an XGBoost pipeline on it without step caching, two untimed runs then five timed ones, and
 * prints each timed run's figures and timeline, then the medians of:
 * <ul>
 * <li>{@code platform_train_seconds}: from the split step's end, when the control plane hands the train task to the
 * outbox, to the train step's end as the worker reported it: dispatch through Kafka, loading the split from the
 * store, featurising, training, packaging and uploading the model;</li>
 * <li>{@code fixed_cost_seconds}: the run's whole time (created to finished) minus the time its steps spent working
 * (each step's start to end), i.e. what the pipeline machinery adds around the steps.</li>
 * </ul>
 * Arguments: the CSV, the target column, the number of XGBoost rounds, optionally the numbers of timed and of
 * warm-up runs ({@code bench/platform-overhead.sh} warms up once, then alternates one platform run with one plain-JVM
 * run, so that both sides meet the same moments of a shared machine).
 */
public final class PlatformOverheadBenchmark {
    private static final Duration POLL = Duration.ofMillis(100);
    /** Timed runs; the median is reported, since one run on a shared machine can be off by a second. */
    private static final int RUNS = 5;
    /**
     * Untimed runs first: they warm the worker's JIT, and a partition's first record after a start costs its
     * consumer a one-off set-up (up to a second seen) that a long-running stack has long paid.
     */
    private static final int WARM_UP_RUNS = 2;

    private PlatformOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        String target = args[1];
        int rounds = Integer.parseInt(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : RUNS;
        int warmUps = args.length > 4 ? Integer.parseInt(args[4]) : WARM_UP_RUNS;
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
        for (int i = 0; i < warmUps; i++) {
            finished(client, client.submit(spec));
        }
        var platformTrain = new double[runs];
        var fixedCost = new double[runs];
        for (int i = 0; i < runs; i++) {
            PipelineRun run = finished(client, client.submit(spec));
            if (!run.succeeded()) {
                throw new IllegalStateException("run " + run.id() + " " + run.state() + ": " + run.reason());
            }
            platformTrain[i] = seconds(step(run, "SPLIT").finishedAt(), step(run, "TRAIN").finishedAt());
            double working = run.steps().stream().filter(s -> s.startedAt() != null && s.finishedAt() != null)
                    .mapToDouble(s -> seconds(s.startedAt(), s.finishedAt())).sum();
            fixedCost[i] = seconds(run.createdAt(), run.finishedAt()) - working;
            System.out.printf("run %d: %s, train step through the platform %.3f s, fixed cost %.3f s, accuracy %s%n",
                    i + 1, run.id(), platformTrain[i], fixedCost[i],
                    run.metrics() == null ? "?" : run.metrics().path("accuracy"));
            timeline(run);
        }
        if (runs > 0) {
            System.out.printf("platform_train_seconds=%.3f%n", median(platformTrain));
            System.out.printf("fixed_cost_seconds=%.3f%n", median(fixedCost));
        }
    }

    /** Where a run's time goes: each step's start and end, in seconds after the run was created. */
    private static void timeline(PipelineRun run) {
        for (Step step : run.steps()) {
            if (step.startedAt() != null && step.finishedAt() != null) {
                System.out.printf("  %-8s %7.3f %7.3f%n", step.step(), seconds(run.createdAt(), step.startedAt()),
                        seconds(run.createdAt(), step.finishedAt()));
            }
        }
        System.out.printf("  finished %7.3f%n", seconds(run.createdAt(), run.finishedAt()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
