package dev.cairn.worker.clean;

import dev.cairn.contracts.PipelineSpec;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.worker.artifact.Artifacts;
import dev.cairn.worker.task.Step;
import dev.cairn.worker.task.StepFailure;
import dev.cairn.worker.task.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** CLEAN: raw dataset in; cleaned CSV and the preprocessing (a JSON array of ColumnTransform) out. */
@ApplicationScoped
public class CleanStep implements Step {

    private final Artifacts artifacts;

    public CleanStep(Artifacts artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public StepName name() {
        return StepName.CLEAN;
    }

    @Override
    public StepResult run(TaskCommand command) throws IOException {
        if (command.dataset() == null || command.dataset().schema() == null) {
            throw new StepFailure("the task names no dataset schema to clean with");
        }
        PipelineSpec spec = command.spec();
        if (spec.target() == null) {
            throw new StepFailure("the spec names no target column");
        }
        var cleaner = new Cleaner(command.dataset().schema(), spec.target(), CleanOptions.of(cleanStep(spec)),
                textColumns(spec));
        var raw = artifacts.readCsv("dataset", datasetSha(command));
        CleanedData cleaned = cleaner.clean(raw);
        var outputs = Map.of("cleaned", artifacts.writeCsv(cleaned.table()),
                "preprocessing", artifacts.writeJson(cleaned.preprocessing()));
        return new StepResult(outputs, cleaned.report().metrics(), cleaned.report().toMap());
    }

    /** The text column training reads, kept by cleaning; none when the spec has no {@code steps.train.text}. */
    private static Set<String> textColumns(PipelineSpec spec) {
        var train = spec.steps() == null ? null : spec.steps().train();
        return train == null || train.text() == null || train.text().column() == null ? Set.of()
                : Set.of(train.text().column());
    }

    private static PipelineSpec.CleanStep cleanStep(PipelineSpec spec) {
        return spec.steps() == null ? null : spec.steps().clean();
    }

    /** The raw upload: the {@code dataset} input, else the pinned dataset version's own digest. */
    private static String datasetSha(TaskCommand command) {
        if (command.inputs() != null && command.inputs().containsKey("dataset")) {
            return command.inputs().get("dataset");
        }
        return command.dataset().sha256();
    }
}
