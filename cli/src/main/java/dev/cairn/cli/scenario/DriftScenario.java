package dev.cairn.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.api.ApiException;
import dev.cairn.cli.api.CairnClient;
import dev.cairn.cli.auth.ApiAccess;
import dev.cairn.cli.launch.BackgroundUp;
import dev.cairn.cli.launch.DownCommand;
import dev.cairn.cli.launch.StackState;
import dev.cairn.cli.launch.Workspace;
import dev.cairn.cli.pipeline.RunWatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code cairn scenario drift}: the monitoring loop on the real flights of 2001. Trains a delay model on January,
 * deploys it, sends February as prediction traffic (and its true outcomes as feedback) while the monitoring service
 * watches; the newer labelled data (February) is uploaded as the dataset's next version. Monitoring alerts on drift,
 * the control plane's retraining policy ({@code monitor.retrain} in the spec) starts a new run on that data, and the
 * new version is rolled out to the deployment. Prints each stage with its figures.
 */
public final class DriftScenario {
    static final String DATASET = "flights";
    static final String DEPLOYMENT = "flights-delays";
    private static final String ALIAS = "production";
    /** Every 4th row: 12,500 flights a month, enough for four monitoring windows of 3,000 predictions. */
    private static final int STRIDE = 4;
    private static final int WINDOW = 3000;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final String SPEC = """
            name: flights-delays
            dataset: flights
            target: delayed
            steps:
              split: { test: 0.2, seed: 7 }
              train: { algorithm: logistic-regression }
              evaluate: { metrics: [accuracy, f1_macro, roc_auc], gate: "accuracy >= 0.7" }
              register: { model: flights-delays }
            monitor:
              drift:   { method: chi-square, threshold: 0.001 }
              retrain: { on: [drift, performance], cooldown: 6h }
            """;

    private final Workspace workspace;
    private final PrintStream out;

    public DriftScenario(Workspace workspace, PrintStream out) {
        this.workspace = workspace;
        this.out = out;
    }

    /** Exit code 0 when the retrained version serves the deployment. */
    public int run(List<String> options) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        Path csv = data(options);
        if (!Files.isRegularFile(csv)) {
            out.println("Missing the flights file " + csv + "; pass --data <flights_2001_drift_300k.csv>.");
            return 2;
        }
        Optional<StackState> running = StackState.read(workspace).filter(StackState::isReady);
        if (running.isEmpty() && new BackgroundUp(workspace, out).start().isEmpty()) {
            return 1;
        }
        var stack = StackState.read(workspace).orElseThrow();
        try (var monitoring = MonitoringService.start(workspace.repo().resolve(
                "monitoring/target/quarkus-app/quarkus-run.jar"), stack.kafkaBootstrap(), store(),
                workspace.logsDir().resolve("monitoring.log"), WINDOW);
                var traffic = new Traffic(stack.kafkaBootstrap())) {
            out.println("Monitoring service started (windows of " + WINDOW + " predictions; log "
                    + workspace.show(workspace.logsDir().resolve("monitoring.log")) + ")");
            return loop(FlightMonths.read(csv, STRIDE), traffic);
        } catch (ApiException | ApiAccess.AccessException e) {
            out.println(e.getMessage());
            return 1;
        } finally {
            if (running.isEmpty() && !options.contains("--keep-running")) {
                new DownCommand(workspace, out).run();
            }
            out.printf("Scenario took %.1f s.%n", (System.nanoTime() - begin) / 1e9);
        }
    }

    private int loop(FlightMonths flights, Traffic traffic) throws IOException, InterruptedException {
        var client = ApiAccess.resolve(System.getenv(), workspace).client();
        var dir = workspace.cairnDir().resolve("scenario");
        var january = flights.month(1);
        var february = flights.month(2);
        out.printf("1. January: %,d flights, %.1f %% late -> dataset %s%n", january.size(),
                100 * FlightMonths.lateRate(january), DATASET);
        var v1 = client.uploadDataset(DATASET, flights.write(1, dir.resolve("flights-01.csv")), "NA");
        out.println("   " + DATASET + "@" + v1.version() + " (" + v1.rows() + " rows)");
        var first = follow(client, client.submit(SPEC));
        if (!first.succeeded()) {
            out.println("   the January run failed: " + first.reason());
            return 1;
        }
        out.println("2. Trained on January: run " + first.id() + " -> " + first.model().name() + " version "
                + first.model().version() + "; " + figures(first.metrics()));
        int v1Model = Integer.parseInt(first.model().version());
        client.pointAlias(first.model().name(), ALIAS, v1Model);
        var deployment = client.deployment(DEPLOYMENT).isPresent() ? client.syncDeployment(DEPLOYMENT)
                : client.deploy(DEPLOYMENT, first.model().name(), ALIAS, 1);
        out.println("3. Deployed " + DEPLOYMENT + " (version " + deployment.version() + ") at " + deployment.endpoint());
        var v2 = client.uploadDataset(DATASET, flights.write(2, dir.resolve("flights-02.csv")), "NA");
        out.printf("4. February's labelled flights arrive: %s@%s (%,d rows, %.1f %% late)%n", DATASET, v2.version(),
                february.size(), 100 * FlightMonths.lateRate(february));
        long correct = traffic.predictAndLabel(deployment.endpoint(), DEPLOYMENT, flights.features(), february);
        out.printf("5. Sent %,d February predictions (+ their true outcomes as feedback); served accuracy %.4f%n",
                february.size(), (double) correct / february.size());
        var alert = awaitRetraining(client);
        if (alert.isEmpty()) {
            out.println("   no retraining started within " + TIMEOUT.toMinutes() + " minutes; alerts: "
                    + client.alerts(DEPLOYMENT).path("items"));
            return 1;
        }
        printDrift(client.drift(DEPLOYMENT));
        printAlerts(client.alerts(DEPLOYMENT));
        String runId = alert.get().path("retraining").path("runId").asText();
        out.println("7. Retraining run " + runId + " started by the policy: "
                + alert.get().path("retraining").path("reason").asText());
        var retrained = follow(client, client.run(runId));
        if (!retrained.succeeded() || retrained.model() == null) {
            out.println("   the retraining run did not register a version: " + retrained.reason());
            return 1;
        }
        out.println("8. It passed the gate and registered " + retrained.model().name() + " version "
                + retrained.model().version());
        out.println("   old (January data):  " + figures(first.metrics()));
        out.println("   new (February data): " + figures(retrained.metrics()));
        client.pointAlias(retrained.model().name(), ALIAS, Integer.parseInt(retrained.model().version()));
        var rolled = client.syncDeployment(DEPLOYMENT);
        out.println("9. Rolled out: " + DEPLOYMENT + " serves version " + rolled.version() + " (was " + v1Model + ")");
        return rolled.version() == Integer.parseInt(retrained.model().version()) ? 0 : 1;
    }

    private Optional<JsonNode> awaitRetraining(CairnClient client) throws IOException, InterruptedException {
        out.println("6. Waiting for monitoring to alert and the control plane to decide ...");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (var alert : client.alerts(DEPLOYMENT).path("items")) {
                if ("STARTED".equals(alert.path("retraining").path("decision").asText())) {
                    return Optional.of(alert);
                }
            }
            Thread.sleep(1000);
        }
        return Optional.empty();
    }

    private void printDrift(JsonNode series) {
        var windows = series.path("windows");
        out.println("   " + windows.size() + " monitoring windows; per feature in the last one (PSI, chi-square p, KS p):");
        var last = windows.get(windows.size() - 1);
        for (var f : last.path("features")) {
            out.printf("     %-12s PSI %.4f  chi2 p %s  KS p %s%n", f.path("feature").asText(), f.path("psi").asDouble(),
                    number(f.path("chiSquarePValue")), number(f.path("ksPValue")));
        }
        var p = last.path("performance");
        out.printf("   window performance: %d labelled, accuracy %s, f1 %s%n", p.path("labelled").asLong(),
                number(p.path("accuracy")), number(p.path("f1")));
    }

    private void printAlerts(JsonNode alerts) {
        for (var a : alerts.path("items")) {
            out.printf("   alert %s %s %s %s=%s (line %s): retraining %s%n", a.path("state").asText(),
                    a.path("kind").asText(), a.path("feature").asText("-"), a.path("metric").asText(),
                    number(a.path("value")), number(a.path("threshold")),
                    a.path("retraining").path("decision").asText("-"));
        }
    }

    private CairnClient.PipelineRun follow(CairnClient client, CairnClient.PipelineRun run)
            throws IOException, InterruptedException {
        return new RunWatch(client, out, Duration.ofMillis(500)).follow(run, TIMEOUT, System.nanoTime())
                .orElseThrow(() -> new IOException("Run " + run.id() + " not finished after " + TIMEOUT.toMinutes()
                        + " minutes"));
    }

    private static String figures(JsonNode metrics) {
        return String.format("accuracy %s, f1_macro %s, roc_auc %s", number(metrics.path("accuracy")),
                number(metrics.path("f1_macro")), number(metrics.path("roc_auc")));
    }

    private static String number(JsonNode value) {
        if (!value.isNumber()) {
            return "-";
        }
        double v = value.asDouble();
        return v != 0 && Math.abs(v) < 1e-3 ? String.format("%.2e", v) : String.format("%.4f", v);
    }

    private Path data(List<String> options) {
        int at = options.indexOf("--data");
        if (at >= 0 && at + 1 < options.size()) {
            return Path.of(options.get(at + 1));
        }
        var beside = workspace.repo().resolve("../shared/data/flights_2001_drift_300k.csv").normalize();
        return Files.isRegularFile(beside) ? beside : Path.of("/work/shared/data/flights_2001_drift_300k.csv");
    }

    private Path store() {
        var configured = System.getenv("CAIRN_STORE_ROOT");
        return configured == null || configured.isBlank() ? workspace.storeDir() : Path.of(configured);
    }
}
