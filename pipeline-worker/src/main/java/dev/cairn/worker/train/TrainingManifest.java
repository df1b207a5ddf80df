package dev.cairn.worker.train;

import dev.cairn.contracts.DatasetRef;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.Lineage;
import dev.cairn.store.model.ModelManifest;
import dev.cairn.store.model.ModelPackages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Tribuo;

/** The manifest of a freshly trained model: everything but the payload, which the model store fills in. */
final class TrainingManifest {

    private TrainingManifest() {
    }

    static ModelManifest of(TaskCommand command, TrainedModel trained, List<ColumnTransform> preprocessing,
            List<String> missingTokens, String trainSha256, String algorithm, long seed, Map<String, Double> metrics) {
        return new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, ModelPackages.TRIBUO, Tribuo.VERSION,
                ModelPackages.TRIBUO_PROTOBUF, null, 0, trained.task().specName(), command.spec().target(),
                trained.inputSignature(), null, used(preprocessing, trained), metrics,
                lineage(command, trained, trainSha256, algorithm, seed), Instant.now(), missingTokens);
    }

    /** Only the transforms of the columns the model reads: serving repeats these and nothing else. */
    private static List<ColumnTransform> used(List<ColumnTransform> preprocessing, TrainedModel trained) {
        var inputs = trained.inputSignature().stream().map(InputFeature::name).toList();
        return preprocessing.stream().filter(t -> inputs.contains(t.name())).toList();
    }

    private static Lineage lineage(TaskCommand command, TrainedModel trained, String trainSha256, String algorithm,
            long seed) {
        DatasetRef dataset = command.dataset();
        return new Lineage(command.runId(), command.spec().name(), dataset == null ? null : dataset.name(),
                dataset == null ? 0 : dataset.version(), dataset == null ? null : dataset.sha256(), trainSha256,
                algorithm, new LinkedHashMap<>(trained.params()), seed, libraryVersions(algorithm), preparation(command));
    }

    /** The cleaning and splitting the training rows went through, so the model can be rebuilt from its dataset. */
    private static Map<String, Object> preparation(TaskCommand command) {
        var steps = command.spec().steps();
        var preparation = new LinkedHashMap<String, Object>();
        preparation.put("clean", steps == null ? null : steps.clean());
        preparation.put("split", steps == null ? null : steps.split());
        preparation.put("columns", command.spec().columns());
        if (steps != null && steps.train() != null && steps.train().text() != null) {
            preparation.put("text", steps.train().text());
        }
        return preparation;
    }

    /** Tribuo always (it shapes every model's features); DJL and PyTorch for the network they trained. */
    static Map<String, String> libraryVersions(String algorithm) {
        if (!"mlp".equals(algorithm)) {
            return libraryVersions();
        }
        return Map.of("tribuo", Tribuo.VERSION, "java", Runtime.version().toString(), "djl", DjlRuntime.djlVersion(),
                "pytorch", DjlRuntime.pytorchVersion());
    }

    static Map<String, String> libraryVersions() {
        return Map.of("tribuo", Tribuo.VERSION, "java", Runtime.version().toString());
    }
}
