package dev.cairn.worker.train;

import dev.cairn.contracts.Algorithm.Task;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.PipelineSpec;
import dev.cairn.store.text.TextVectorizer;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.store.model.Featurizer;
import dev.cairn.store.model.InputFeature;
import dev.cairn.worker.artifact.Table;
import dev.cairn.worker.task.StepFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Trains a classifier or a regressor (as the algorithm says) on cleaned training rows. The rows become Tribuo examples through the model
 * store's {@link Featurizer}, the very one serving uses, so training and serving read a row alike.
 */
final class ModelTrainer {

    private final Algorithm algorithm;
    private final Map<String, Number> params;
    /** The MLP's hidden layer widths; empty for every other algorithm. */
    private final List<Integer> hidden;
    private final long seed;
    private final PipelineSpec.TextFeatures text;

    /** @param given the spec's parameters, checked here so that a typo fails before any work */
    ModelTrainer(String algorithm, Map<String, Object> given, long seed) {
        this(algorithm, given, seed, null);
    }

    /** @param text how the spec's text column becomes features; null when the model reads no text */
    ModelTrainer(String algorithm, Map<String, Object> given, long seed, PipelineSpec.TextFeatures text) {
        this.algorithm = Algorithm.named(algorithm);
        Map<String, Object> numbers = given == null ? Map.of() : given;
        if (this.algorithm == Algorithm.MLP) {
            var rest = new LinkedHashMap<>(numbers);
            this.hidden = HiddenLayers.accept(rest.remove("layers"));
            numbers = rest;
        } else {
            this.hidden = List.of();
        }
        this.params = this.algorithm.resolve(numbers);
        this.seed = seed;
        this.text = text;
    }

    TrainedModel train(Table rows, String target, List<ColumnTransform> preprocessing, MissingTokens missing) {
        return train(rows, target, preprocessing, missing, null, null);
    }

    /**
     * @param validation rows a network is scored on after every epoch (its curves); null or empty for none
     * @param positive the spec's positive class for those scores, or null
     */
    TrainedModel train(Table rows, String target, List<ColumnTransform> preprocessing, MissingTokens missing,
            Table validation, String positive) {
        List<InputFeature> signature = InputSignature.of(rows, preprocessing);
        var vectorizers = TextColumns.fit(rows, signature, text, missing);
        var featurizer = Featurizer.of(signature, preprocessing, missing, vectorizers);
        var numeric = InputSignature.numericNames(signature);
        Model<?> model;
        long start;
        if (algorithm == Algorithm.MLP) {
            var dataset = classificationDataset(rows, target, featurizer);
            var labels = labels(dataset);
            DjlRuntime.engine(); // loading PyTorch's native library is not training time
            start = System.nanoTime();
            var result = new DjlMlpTrainer(hidden, params, seed).train(dataset, labels,
                    mlp -> EpochScores.of(mlp, featurizer, validation, target, labels, positive));
            double seconds = (System.nanoTime() - start) / 1e9;
            return new TrainedModel(algorithm.task, result.model(), signature, featurizer, resolvedParams(), seconds,
                    result.curves(), List.of());
        }
        if (algorithm.task == Task.REGRESSION) {
            var dataset = regressionDataset(rows, target, featurizer);
            var trainer = TribuoTrainer.regressor(algorithm, params, seed, numeric);
            start = System.nanoTime();
            model = trainer.train(dataset);
        } else {
            var dataset = classificationDataset(rows, target, featurizer);
            var trainer = TribuoTrainer.classifier(algorithm, params, seed, numeric);
            start = System.nanoTime();
            model = trainer.train(dataset);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainedModel(algorithm.task, model, signature, featurizer, resolvedParams(), seconds, Map.of(),
                vectorizers.stream().map(TextVectorizer::vocabulary).toList());
    }

    /** Every parameter as the model was trained with it: the MLP's {@code layers} first, then the numbers. */
    private Map<String, Object> resolvedParams() {
        var all = new LinkedHashMap<String, Object>();
        if (algorithm == Algorithm.MLP) {
            all.put("layers", hidden);
        }
        all.putAll(params);
        return all;
    }

    private static List<String> labels(MutableDataset<Label> dataset) {
        var labels = new TreeSet<String>();
        dataset.getOutputs().forEach(label -> labels.add(label.getLabel()));
        return List.copyOf(labels);
    }

    String algorithmName() {
        return algorithm.specName;
    }

    Task task() {
        return algorithm.task;
    }

    private static MutableDataset<Label> classificationDataset(Table rows, String target, Featurizer featurizer) {
        int targetIndex = targetIndex(rows, target);
        var factory = new LabelFactory();
        var dataset = new MutableDataset<Label>(new SimpleDataSourceProvenance("cairn training rows", factory), factory);
        for (String[] cells : rows.rows()) {
            dataset.add(featurizer.example(rows.header(), cells, new Label(cells[targetIndex])));
        }
        if (dataset.size() == 0) {
            throw new StepFailure("there are no training rows");
        }
        if (dataset.getOutputs().size() < 2) {
            throw new StepFailure("the training rows hold a single class of '" + target + "'; a classifier needs at least two");
        }
        return dataset;
    }

    /** The target read as a number: one output dimension, named after the target column. */
    private static MutableDataset<Regressor> regressionDataset(Table rows, String target, Featurizer featurizer) {
        int targetIndex = targetIndex(rows, target);
        var factory = new RegressionFactory();
        var dataset = new MutableDataset<Regressor>(new SimpleDataSourceProvenance("cairn training rows", factory),
                factory);
        for (String[] cells : rows.rows()) {
            double value = RegressionTarget.parse(target, cells[targetIndex]);
            dataset.add(featurizer.example(rows.header(), cells, new Regressor(target, value)));
        }
        if (dataset.size() == 0) {
            throw new StepFailure("there are no training rows");
        }
        if (rows.column(target).stream().distinct().limit(2).count() < 2) {
            throw new StepFailure("target '" + target + "' has a single value in the training rows; there is nothing to regress");
        }
        return dataset;
    }

    private static int targetIndex(Table rows, String target) {
        int targetIndex = rows.indexOf(target);
        if (targetIndex < 0) {
            throw new StepFailure("target column '" + target + "' is not in the training rows");
        }
        return targetIndex;
    }

    /**
     * Which raw columns a model reads, in the cleaned file's order. A column holding a single value in
     * the training rows is left out: it has nothing to teach, and a standardised constant would divide by
     * a zero standard deviation.
     */
    static final class InputSignature {

        private InputSignature() {
        }

        static List<InputFeature> of(Table rows, List<ColumnTransform> preprocessing) {
            var signature = preprocessing.stream()
                    .filter(t -> rows.column(t.name()).stream().distinct().limit(2).count() > 1)
                    .map(t -> new InputFeature(t.name(), t.type(), categories(rows, t)))
                    .toList();
            if (signature.isEmpty()) {
                throw new StepFailure("no feature column varies in the training rows; there is nothing to learn from");
            }
            return signature;
        }

        private static List<String> categories(Table rows, ColumnTransform column) {
            return column.type() == ColumnType.CATEGORICAL
                    ? rows.column(column.name()).stream().distinct().sorted().toList()
                    : null;
        }

        static List<String> numericNames(List<InputFeature> signature) {
            return signature.stream().filter(f -> f.type() == ColumnType.NUMERIC).map(InputFeature::name).toList();
        }
    }
}
