package dev.cairn.worker.pipeline;

import dev.cairn.contracts.StepName;
import dev.cairn.worker.task.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Trains algorithms on letter (its own train and test files) and churn (80/20 stratified split, seed
 * 42) through the worker's steps, as {@code ModelQualityTest} and {@code AlgorithmQualityTest} do, and
 * prints a Markdown table. Train seconds are the train step's {@code train_seconds} (Tribuo's training
 * alone); evaluate seconds are the whole evaluate step: loading the package, then one prediction per
 * test row. Every algorithm runs once on iris first, so the table does not time the JIT warming up.
 * <p>
 * Arguments: algorithm names, each optionally with parameters, e.g.
 * {@code random-forest:trees=100,max_depth=20} or {@code mlp:layers=64/32,epochs=10}; none means every algorithm
 * with its defaults. Run by
 * {@code bench/algorithms.sh}.
 */
public final class AlgorithmBenchmark {

    private static final List<String> ALGORITHMS = List.of("logistic-regression", "cart", "linear-svm",
            "random-forest", "xgboost", "knn", "naive-bayes", "mlp");
    /** Held so that the level set here is not garbage-collected away; Tribuo logs every model it trains. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private record Run(String algorithm, Map<String, Object> params) {

        static Run parse(String arg) {
            String[] parts = arg.split(":", 2);
            var params = new LinkedHashMap<String, Object>();
            if (parts.length == 2) {
                for (String pair : parts[1].split(",")) {
                    String[] kv = pair.split("=", 2);
                    // a list (the MLP's layers) is written with slashes: layers=64/32
                    params.put(kv[0], kv[1].contains("/") || kv[0].equals("layers")
                            ? Stream.of(kv[1].split("/")).map(Integer::valueOf).toList()
                            : Double.valueOf(kv[1]));
                }
            }
            return new Run(parts[0], params);
        }
    }

    private AlgorithmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TRIBUO.setLevel(Level.WARNING);
        List<Run> runs = (args.length == 0 ? ALGORITHMS.stream() : Stream.of(args)).map(Run::parse).toList();
        Path store = Files.createTempDirectory("cairn-bench-");
        try {
            var fixture = new PipelineFixture(store);
            var iris = fixture.upload("/data/iris.csv", "species");
            for (Run run : runs) {
                fixture.runAll(PipelineFixture.spec("species", run.algorithm(), run.params()), iris);
            }
            var letter = fixture.cleanOnly(fixture.upload("/data/letter_train.csv", "letter"),
                    fixture.upload("/data/letter_test.csv", "letter"), "letter");
            var churn = fixture.cleanAndSplit(fixture.upload("/data/modeldata_wa_churn.csv", "churn"), "churn");
            System.out.println("| algorithm | data | train s | evaluate s | accuracy | f1_macro | params |");
            System.out.println("| --- | --- | ---: | ---: | ---: | ---: | --- |");
            for (Run run : runs) {
                System.out.println(row(run, "letter", outcome(fixture, run, "letter", letter)));
                System.out.println(row(run, "churn", outcome(fixture, run, "churn", churn)));
            }
        } finally {
            try (Stream<Path> files = Files.walk(store)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Train and evaluate results, and the evaluate step's wall-clock seconds. */
    private record Outcome(StepResult train, StepResult evaluate, double evaluateSeconds) {
    }

    private static Outcome outcome(PipelineFixture fixture, Run run, String target, PipelineFixture.Prepared data)
            throws IOException {
        var spec = PipelineFixture.spec(target, run.algorithm(), run.params());
        var trained = fixture.run(StepName.TRAIN, spec, data.dataset(), Map.of("train", data.train(),
                "preprocessing", data.preprocessing()));
        long start = System.nanoTime();
        var evaluated = fixture.run(StepName.EVALUATE, spec, data.dataset(),
                Map.of("model", trained.outputs().get("model"), "test", data.test()));
        return new Outcome(trained, evaluated, (System.nanoTime() - start) / 1e9);
    }

    private static String row(Run run, String data, Outcome outcome) {
        var metrics = outcome.evaluate().metrics();
        var cells = new ArrayList<String>(List.of(run.algorithm(), data,
                String.format("%.2f", outcome.train().metrics().get("train_seconds")),
                String.format("%.2f", outcome.evaluateSeconds()),
                String.format("%.3f", metrics.get("accuracy")), String.format("%.3f", metrics.get("f1_macro")),
                String.valueOf(outcome.train().report().get("params"))));
        return "| " + String.join(" | ", cells) + " |";
    }
}
