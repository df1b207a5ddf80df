package dev.cairn.worker.evaluate;

import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.store.artifact.MissingArtifactException;
import dev.cairn.store.model.LoadedModel;
import dev.cairn.store.model.ModelPackageException;
import dev.cairn.store.model.ModelPackages;
import dev.cairn.worker.artifact.Artifacts;
import dev.cairn.worker.task.Step;
import dev.cairn.worker.task.StepFailure;
import dev.cairn.worker.task.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * EVALUATE: model package and test CSV in; a new manifest out, naming the same payload and adding the
 * test metrics, which is what platform-api registers.
 */
@ApplicationScoped
public class EvaluateStep implements Step {

    private final Artifacts artifacts;

    public EvaluateStep(Artifacts artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public StepName name() {
        return StepName.EVALUATE;
    }

    @Override
    public StepResult run(TaskCommand command) throws IOException {
        LoadedModel model = load(Artifacts.input(command, "model"));
        var test = artifacts.readCsv("test", Artifacts.input(command, "test"));
        var manifest = model.manifest();
        Evaluation evaluation = Scoring.score(model.model(), model.featurizer(), test, manifest.target(),
                manifest.labels(), positive(command));
        var metrics = new TreeMap<String, Double>(manifest.metrics() == null ? Map.of() : manifest.metrics());
        metrics.putAll(evaluation.metrics());
        var evaluated = ModelPackages.saveManifest(artifacts.storage(), manifest.withMetrics(metrics));
        return new StepResult(Map.of("model", evaluated.sha256()), evaluation.metrics(), evaluation.report());
    }

    private LoadedModel load(String sha256) throws IOException {
        try {
            return ModelPackages.load(artifacts.storage(), sha256);
        } catch (ModelPackageException e) {
            throw new StepFailure(e.getMessage());
        } catch (MissingArtifactException e) {
            throw new StepFailure("the model input (" + e.sha256() + ") or its payload is not in the artifact store");
        }
    }

    private static String positive(TaskCommand command) {
        var steps = command.spec().steps();
        return steps == null || steps.evaluate() == null ? null : steps.evaluate().positive();
    }
}
