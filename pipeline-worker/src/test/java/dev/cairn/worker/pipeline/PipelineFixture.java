package dev.cairn.worker.pipeline;

import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetRef;
import dev.cairn.contracts.DatasetSchema;
import dev.cairn.contracts.PipelineSpec;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.CsvRows;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.csv.NumericCells;
import dev.cairn.worker.artifact.Artifacts;
import dev.cairn.worker.clean.CleanStep;
import dev.cairn.worker.evaluate.EvaluateStep;
import dev.cairn.worker.split.SplitStep;
import dev.cairn.worker.task.Step;
import dev.cairn.worker.task.StepResult;
import dev.cairn.worker.train.TrainStep;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the worker's steps in plain Java against a real filesystem artifact store, passing each
 * step's outputs on as the control plane would: what runs in production, without Kafka or Quarkus.
 */
final class PipelineFixture {

    static final List<String> MISSING = List.of("", "NA");

    final ArtifactStorage storage;
    private final Map<StepName, Step> steps = new HashMap<>();

    PipelineFixture(Path root) throws IOException {
        this.storage = new FilesystemArtifactStorage(root);
        var artifacts = new Artifacts(storage);
        List.of(new CleanStep(artifacts), new SplitStep(artifacts), new TrainStep(artifacts), new EvaluateStep(artifacts))
                .forEach(step -> steps.put(step.name(), step));
    }

    static PipelineSpec spec(String target, String algorithm, Map<String, Object> params) {
        return new PipelineSpec("test-pipeline", "data@1", target, Map.of(), new PipelineSpec.Steps(
                new PipelineSpec.CleanStep("impute-median", "drop", "none"),
                new PipelineSpec.SplitStep(0.2, 0.0, true, 42),
                new PipelineSpec.TrainStep(algorithm, params),
                new PipelineSpec.EvaluateStep(null, null), new PipelineSpec.RegisterStep("model")));
    }

    /** Stores a test resource as an uploaded dataset, typed the way the upload's inference would type it. */
    DatasetRef upload(String resource, String target) throws IOException {
        byte[] bytes;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(resource), resource)) {
            bytes = in.readAllBytes();
        }
        var ref = storage.put(new ByteArrayInputStream(bytes));
        return new DatasetRef("data", 1, ref.sha256(), infer(bytes, target));
    }

    DatasetRef upload(Path file, String target) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new DatasetRef("data", 1, storage.put(new ByteArrayInputStream(bytes)).sha256(), infer(bytes, target));
    }

    /** Numeric when every present cell is a number; the target is always a label. */
    private static DatasetSchema infer(byte[] csv, String target) throws IOException {
        var missing = MissingTokens.of(MISSING);
        try (var rows = CsvRows.open(new ByteArrayInputStream(csv))) {
            var header = rows.header();
            boolean[] numeric = new boolean[header.size()];
            java.util.Arrays.fill(numeric, true);
            long count = 0;
            while (rows.hasNext()) {
                String[] cells = rows.next();
                count++;
                for (int i = 0; i < cells.length; i++) {
                    numeric[i] &= missing.isMissing(cells[i]) || NumericCells.parse(cells[i]).isPresent();
                }
            }
            var columns = new ArrayList<ColumnSchema>();
            for (int i = 0; i < header.size(); i++) {
                var type = numeric[i] && !header.get(i).equals(target) ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
                columns.add(new ColumnSchema(header.get(i), type, 0, 0, false));
            }
            return new DatasetSchema(columns, MISSING, count);
        }
    }

    StepResult run(StepName step, PipelineSpec spec, DatasetRef dataset, Map<String, String> inputs) throws IOException {
        var command = new TaskCommand(1, "task-" + step, 1, "run-1", step, spec, dataset, inputs);
        return steps.get(step).run(command);
    }

    /** Cleaned training rows, their preprocessing and the test rows: what every algorithm trains and is tested on. */
    record Prepared(DatasetRef dataset, String train, String preprocessing, String test) {
    }

    /** Clean and split once, so that several algorithms share the work. */
    Prepared cleanAndSplit(DatasetRef dataset, String target) throws IOException {
        return cleanAndSplit(dataset, target, "cart");
    }

    /** As above, for the given algorithm's task (a regression is split over all rows, not per class). */
    Prepared cleanAndSplit(DatasetRef dataset, String target, String algorithm) throws IOException {
        return cleanAndSplit(dataset, target, spec(target, algorithm, Map.of()));
    }

    /** As above, with the spec's own settings (a text column, say, which cleaning must keep). */
    Prepared cleanAndSplit(DatasetRef dataset, String target, PipelineSpec spec) throws IOException {
        var clean = run(StepName.CLEAN, spec, dataset, Map.of("dataset", dataset.sha256()));
        var split = run(StepName.SPLIT, spec, dataset, Map.of("cleaned", clean.outputs().get("cleaned")));
        return new Prepared(dataset, split.outputs().get("train"), clean.outputs().get("preprocessing"),
                split.outputs().get("test"));
    }

    /**
     * Clean one data set to train on and test on another that needs no cleaning: for data that comes
     * split, such as letter.
     */
    Prepared cleanOnly(DatasetRef train, DatasetRef test, String target) throws IOException {
        var clean = run(StepName.CLEAN, spec(target, "cart", Map.of()), train, Map.of("dataset", train.sha256()));
        return new Prepared(train, clean.outputs().get("cleaned"), clean.outputs().get("preprocessing"), test.sha256());
    }

    /** Train and evaluate on prepared data; returns both steps' results. */
    Map<StepName, StepResult> trainAndEvaluate(PipelineSpec spec, Prepared data) throws IOException {
        var trained = run(StepName.TRAIN, spec, data.dataset(), Map.of("train", data.train(),
                "preprocessing", data.preprocessing()));
        var evaluated = run(StepName.EVALUATE, spec, data.dataset(),
                Map.of("model", trained.outputs().get("model"), "test", data.test()));
        return Map.of(StepName.TRAIN, trained, StepName.EVALUATE, evaluated);
    }

    /** Clean, split, train and evaluate; returns each step's result. */
    Map<StepName, StepResult> runAll(PipelineSpec spec, DatasetRef dataset) throws IOException {
        var results = new HashMap<StepName, StepResult>();
        var clean = run(StepName.CLEAN, spec, dataset, Map.of("dataset", dataset.sha256()));
        results.put(StepName.CLEAN, clean);
        var split = run(StepName.SPLIT, spec, dataset, Map.of("cleaned", clean.outputs().get("cleaned")));
        results.put(StepName.SPLIT, split);
        var trainInputs = new HashMap<String, String>(Map.of("train", split.outputs().get("train"),
                "preprocessing", clean.outputs().get("preprocessing")));
        if (split.outputs().containsKey("validation")) {
            trainInputs.put("validation", split.outputs().get("validation"));
        }
        var train = run(StepName.TRAIN, spec, dataset, trainInputs);
        results.put(StepName.TRAIN, train);
        results.put(StepName.EVALUATE, run(StepName.EVALUATE, spec, dataset,
                Map.of("model", train.outputs().get("model"), "test", split.outputs().get("test"))));
        return results;
    }
}
