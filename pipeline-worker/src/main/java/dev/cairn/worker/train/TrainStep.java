package dev.cairn.worker.train;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.contracts.PipelineSpec;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.Algorithm.Task;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.ModelPackages;
import dev.cairn.store.text.TextVocabularies;
import dev.cairn.worker.artifact.Artifacts;
import dev.cairn.worker.artifact.Table;
import dev.cairn.worker.evaluate.Scoring;
import dev.cairn.worker.task.Step;
import dev.cairn.worker.task.StepFailure;
import dev.cairn.worker.task.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * TRAIN: train CSV, preprocessing and optionally validation CSV in; a model package out (its
 * manifest's digest as {@code model}, the Tribuo protobuf's as {@code payload}).
 */
@ApplicationScoped
public class TrainStep implements Step {

    private static final TypeReference<List<ColumnTransform>> TRANSFORMS = new TypeReference<>() {
    };

    private static final Logger LOG = Logger.getLogger(TrainStep.class);
    private final Artifacts artifacts;

    public TrainStep(Artifacts artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public StepName name() {
        return StepName.TRAIN;
    }

    @Override
    public StepResult run(TaskCommand command) throws IOException {
        PipelineSpec spec = command.spec();
        PipelineSpec.TrainStep train = spec.steps() == null ? null : spec.steps().train();
        if (train == null) {
            throw new StepFailure("the spec has no train step");
        }
        long seed = spec.steps().split() == null ? 42 : spec.steps().split().seed();
        var trainer = new ModelTrainer(train.algorithm(), train.params(), seed, train.text());
        // Each phase's time goes to the step's log (the run page shows it): where a train step's time goes.
        long at = System.nanoTime();
        String trainSha = Artifacts.input(command, "train");
        Table rows = artifacts.readCsv("train", trainSha);
        var preprocessing = artifacts.readJson("preprocessing", Artifacts.input(command, "preprocessing"), TRANSFORMS);
        List<String> missingTokens = missingTokens(command);
        at = phase("read %d training rows", at, rows.rows().size());
        TrainedModel trained = trainer.train(rows, spec.target(), preprocessing, MissingTokens.of(missingTokens),
                validationRows(command), positive(command));
        at = phase("trained %s %s", at, trainer.algorithmName(), trained.params());
        var metrics = new TreeMap<String, Double>(validationMetrics(command, trained));
        at = phase("scored the validation rows", at);
        var profile = TrainingProfile.store(artifacts.storage(), rows, trained, spec.target(),
                MissingTokens.of(missingTokens));
        at = phase("stored the reference profile for monitoring", at);
        var manifest = TrainingManifest.of(command, trained, preprocessing, missingTokens, trainSha,
                trainer.algorithmName(), seed, metrics).withReferenceProfile(profile);
        if (!trained.textVocabularies().isEmpty()) {
            manifest = manifest.withTextVocabulary(
                    TextVocabularies.save(artifacts.storage(), trained.textVocabularies()).sha256());
        }
        var model = ModelPackages.save(artifacts.storage(), manifest, trained.model());
        var payload = ModelPackages.readManifest(artifacts.storage(), model.sha256()).payloadSha256();
        phase("packaged and stored the model", at);
        metrics.put("train_seconds", trained.seconds());
        return new StepResult(Map.of("model", model.sha256(), "payload", payload), metrics,
                report(trainer, trained, seed, preprocessing), trained.curves());
    }

    /** The validation rows, read only for a network, which scores them after every epoch; null otherwise. */
    private Table validationRows(TaskCommand command) throws IOException {
        String sha = command.inputs() == null ? null : command.inputs().get("validation");
        return sha == null || !"mlp".equals(command.spec().steps().train().algorithm()) ? null
                : artifacts.readCsv("validation", sha);
    }

    private static String positive(TaskCommand command) {
        var evaluate = command.spec().steps().evaluate();
        return evaluate == null ? null : evaluate.positive();
    }

    /** Logs what a phase did and how long it took; returns now, the next phase's start. */
    private static long phase(String what, long since, Object... args) {
        long now = System.nanoTime();
        LOG.infof("%s in %d ms", String.format(what, args), (now - since) / 1_000_000);
        return now;
    }

    private static List<String> missingTokens(TaskCommand command) {
        return command.dataset() == null || command.dataset().schema() == null
                ? null
                : command.dataset().schema().missingTokens();
    }

    /** Metrics on the validation rows, prefixed {@code validation_}; none without validation rows. */
    private Map<String, Double> validationMetrics(TaskCommand command, TrainedModel trained) throws IOException {
        String sha = command.inputs() == null ? null : command.inputs().get("validation");
        if (sha == null) {
            return Map.of();
        }
        Table validation = artifacts.readCsv("validation", sha);
        if (validation.rows().isEmpty()) {
            return Map.of();
        }
        var evaluate = command.spec().steps().evaluate();
        var metrics = new TreeMap<String, Double>();
        String target = command.spec().target();
        var measured = trained.task() == Task.REGRESSION
                ? Scoring.regressionMetrics(trained.regressor(), trained.featurizer(), validation, target)
                : Scoring.metrics(trained.classifier(), trained.featurizer(), validation, target, labels(trained),
                        evaluate == null ? null : evaluate.positive());
        measured.forEach((name, value) -> metrics.put("validation_" + name, value));
        return metrics;
    }

    /** A classifier's classes, sorted; none for a regression. */
    private static List<String> labels(TrainedModel trained) {
        if (trained.task() == Task.REGRESSION) {
            return List.of();
        }
        var labels = new TreeSet<String>();
        trained.classifier().getOutputIDInfo().getDomain().forEach(label -> labels.add(label.getLabel()));
        return List.copyOf(labels);
    }

    private static Map<String, Object> report(ModelTrainer trainer, TrainedModel trained, long seed,
            List<ColumnTransform> preprocessing) {
        var inputs = trained.inputSignature().stream().map(InputFeature::name).toList();
        var unused = preprocessing.stream().map(ColumnTransform::name).filter(n -> !inputs.contains(n)).toList();
        var report = new java.util.LinkedHashMap<String, Object>(Map.of("algorithm", trainer.algorithmName(),
                "task", trained.task().specName(), "params", trained.params(), "seed", seed,
                "labels", labels(trained), "inputs", inputs, "features", trained.model().getFeatureIDMap().size(),
                "columns_unused", Map.of("single value in the training rows", unused)));
        if (!trained.textVocabularies().isEmpty()) {
            var terms = new TreeMap<String, Integer>();
            trained.textVocabularies().forEach(v -> terms.put(v.column(), v.terms().size()));
            report.put("text_terms", terms);
        }
        return report;
    }
}
