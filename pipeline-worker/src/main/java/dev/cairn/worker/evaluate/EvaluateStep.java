package dev.cairn.worker.evaluate;

import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.store.artifact.MissingArtifactException;
import dev.cairn.store.model.LoadedModel;
import dev.cairn.store.model.LoadedRegressionModel;
import dev.cairn.store.model.ModelManifest;
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
        String modelSha = Artifacts.input(command, "model");
        ModelManifest manifest = load(() -> ModelPackages.readManifest(artifacts.storage(), modelSha));
        var test = artifacts.readCsv("test", Artifacts.input(command, "test"));
        Map<String, Double> measured;
        Map<String, Object> report;
        if (manifest.isRegression()) {
            LoadedRegressionModel model = load(() -> ModelPackages.loadRegression(artifacts.storage(), modelSha));
            var evaluation = Scoring.scoreRegression(model.model(), model.featurizer(), test, manifest.target());
            measured = evaluation.metrics();
            report = evaluation.report();
        } else {
            LoadedModel model = load(() -> ModelPackages.load(artifacts.storage(), modelSha));
            Evaluation evaluation = Scoring.score(model.model(), model.featurizer(), test, manifest.target(),
                    manifest.labels(), positive(command));
            measured = evaluation.metrics();
            report = evaluation.report();
        }
        var metrics = new TreeMap<String, Double>(manifest.metrics() == null ? Map.of() : manifest.metrics());
        metrics.putAll(measured);
        var evaluated = ModelPackages.saveManifest(artifacts.storage(), manifest.withMetrics(metrics));
        return new StepResult(Map.of("model", evaluated.sha256()), measured, report);
    }

    /** Reading a package from the store, which may fail for reasons the user can act on. */
    private interface PackageRead<T> {
        T read() throws IOException;
    }

    private static <T> T load(PackageRead<T> read) throws IOException {
        try {
            return read.read();
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
