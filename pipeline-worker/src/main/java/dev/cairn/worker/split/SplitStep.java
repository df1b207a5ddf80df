package dev.cairn.worker.split;

import dev.cairn.contracts.Algorithm;
import dev.cairn.contracts.Algorithm.Task;
import dev.cairn.contracts.PipelineSpec;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.worker.artifact.Artifacts;
import dev.cairn.worker.artifact.Table;
import dev.cairn.worker.task.Step;
import dev.cairn.worker.task.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SPLIT: cleaned CSV in; train, test and (when its fraction is above 0) validation CSVs out, same header. */
@ApplicationScoped
public class SplitStep implements Step {

    private final Artifacts artifacts;

    public SplitStep(Artifacts artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public StepName name() {
        return StepName.SPLIT;
    }

    @Override
    public StepResult run(TaskCommand command) throws IOException {
        var options = SplitOptions.of(command.spec().steps() == null ? null : command.spec().steps().split());
        boolean regression = regression(command.spec());
        if (regression) {
            options = options.unstratified();
        }
        Table cleaned = artifacts.readCsv("cleaned", Artifacts.input(command, "cleaned"));
        List<String> labels = cleaned.column(command.spec().target());
        Split split = Splitter.split(labels, options);
        var outputs = new HashMap<String, String>();
        outputs.put("train", artifacts.writeCsv(cleaned.select(split.train())));
        outputs.put("test", artifacts.writeCsv(cleaned.select(split.test())));
        if (options.validation() > 0) {
            outputs.put("validation", artifacts.writeCsv(cleaned.select(split.validation())));
        }
        var metrics = Map.of("train_rows", (double) split.train().size(), "test_rows", (double) split.test().size(),
                "validation_rows", (double) split.validation().size());
        var report = new LinkedHashMap<String, Object>();
        if (!regression) {
            report.put("class_counts", split.classCounts(labels));
        }
        report.put("stratified", options.stratify());
        report.put("seed", options.seed());
        return new StepResult(outputs, metrics, report);
    }

    /**
     * A regression target has a "class" per distinct number, most holding one row, and a stratified
     * split keeps single-row classes in training: a regression is split over all rows instead.
     */
    private static boolean regression(PipelineSpec spec) {
        var train = spec.steps() == null ? null : spec.steps().train();
        return train != null && Algorithm.bySpecName(train.algorithm()).map(a -> a.task() == Task.REGRESSION).orElse(false);
    }
}
