package dev.cairn.cli.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cairn.cli.api.CairnClient.ModelVersion;
import dev.cairn.cli.api.CairnClient.PipelineRun;
import dev.cairn.cli.api.CairnClient.Step;

/** Turns what the API says about a run and its model into lines a person reads in a terminal. */
public final class RunReport {
    /** The headline metrics of a classifier, in the order people compare them. */
    static final List<String> HEADLINE_METRICS = List.of("accuracy", "precision_macro", "recall_macro", "f1_macro", "roc_auc");

    private final PrintStream out;
    private final Map<String, String> lastStateByStep = new HashMap<>();

    public RunReport(PrintStream out) {
        this.out = out;
    }

    /** Prints the steps whose state changed since the last call; waiting steps are not news. */
    public void progress(PipelineRun run, Duration elapsed) {
        for (Step step : run.steps() == null ? List.<Step>of() : run.steps()) {
            boolean changed = step.state() != null && !step.state().equals(lastStateByStep.put(step.step(), step.state()));
            if (changed && !"PENDING".equals(step.state())) {
                var line = "  %6.1f s  %-9s %-9s %s".formatted(elapsed.toMillis() / 1000.0, step.step(), step.state(), detail(step));
                out.println(line.stripTrailing());
            }
        }
    }

    public void metrics(PipelineRun run) {
        JsonNode metrics = run.metrics() != null && !run.metrics().isEmpty() ? run.metrics() : evaluateMetrics(run);
        out.println("Metrics on the test split:");
        for (String name : HEADLINE_METRICS) {
            JsonNode value = metrics == null ? null : metrics.get(name);
            out.printf("  %-16s %s%n", name, value == null || value.isNull() ? "n/a" : "%.4f".formatted(value.asDouble()));
        }
    }

    public void model(ModelVersion model) {
        out.println("Registered model " + model.name() + " version " + model.version());
        out.printf("  %-16s %s%n", "package sha256", model.manifestSha256());
        out.printf("  %-16s %s%n", "labels", inline(model.labels()));
        out.printf("  %-16s %s%n", "aliases", inline(model.aliases()));
        out.println("  lineage");
        if (model.lineage() != null) {
            model.lineage().fields().forEachRemaining(f -> out.printf("    %-16s %s%n", f.getKey(), inline(f.getValue())));
        }
    }

    public void failure(PipelineRun run) {
        out.println("Pipeline run " + run.id() + " " + run.state() + ": " + (run.reason() == null ? "no reason given" : run.reason()));
        for (Step step : run.steps() == null ? List.<Step>of() : run.steps()) {
            if ("FAILED".equals(step.state()) && step.reason() != null && !step.reason().equals(run.reason())) {
                out.println("  " + step.step() + ": " + step.reason());
            }
        }
    }

    private static JsonNode evaluateMetrics(PipelineRun run) {
        return run.steps() == null ? null : run.steps().stream()
                .filter(s -> "EVALUATE".equals(s.step())).map(Step::metrics).findFirst().orElse(null);
    }

    private static String detail(Step step) {
        if (step.reason() != null) {
            return step.reason();
        }
        var parts = new StringJoiner("  ");
        duration(step).ifPresent(parts::add);
        if (step.metrics() != null) {
            step.metrics().fields().forEachRemaining(m -> parts.add(m.getKey() + "=" + number(m.getValue())));
        }
        return parts.toString();
    }

    private static Optional<String> duration(Step step) {
        try {
            if (step.startedAt() == null || step.finishedAt() == null) {
                return Optional.empty();
            }
            var took = Duration.between(Instant.parse(step.startedAt()), Instant.parse(step.finishedAt()));
            return Optional.of("%.2f s".formatted(took.toMillis() / 1000.0));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String number(JsonNode value) {
        return value.isFloatingPointNumber() ? "%.4f".formatted(value.asDouble()) : inline(value);
    }

    /** One line for any JSON value: arrays and objects flattened, so unknown shapes still print. */
    static String inline(JsonNode node) {
        if (node == null || node.isNull() || (node.isContainerNode() && node.isEmpty())) {
            return "-";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        var parts = new StringJoiner(", ");
        if (node.isArray()) {
            node.forEach(element -> parts.add(inline(element)));
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            fields.forEachRemaining(f -> parts.add(f.getKey() + "=" + inline(f.getValue())));
        }
        return parts.toString();
    }
}
