package dev.cairn.worker.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.cairn.store.model.MlpModel;
import dev.cairn.store.model.MlpWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;

/**
 * The one place that knows DJL: trains a multilayer perceptron on the PyTorch engine (CPU) and hands back its weights
 * as an {@link MlpModel}, whose plain-Java forward pass is what validation, evaluation and serving run.
 *
 * <p>Deterministic for a seed on one thread: PyTorch's generator (weight initialisation) is seeded, and the rows are
 * shuffled here by a {@link Random} with the same seed rather than by DJL's sampler.
 */
final class DjlMlpTrainer {

    /**
     * What training produced: the network, per epoch the training loss and whatever the scorer measured, and DJL's
     * own class probabilities for the probe rows (what the plain-Java forward pass is checked against).
     */
    record Result(MlpModel model, Map<String, List<Double>> curves, float[][] probed) {
    }

    private final List<Integer> hidden;
    private final int epochs;
    private final int batchSize;
    private final float learningRate;
    private final long seed;

    DjlMlpTrainer(List<Integer> hidden, Map<String, Number> params, long seed) {
        this.hidden = hidden;
        this.epochs = params.get("epochs").intValue();
        this.batchSize = params.get("batch_size").intValue();
        this.learningRate = params.get("learning_rate").floatValue();
        this.seed = seed;
    }

    /**
     * @param labels the classes, in the order the network answers them
     * @param perEpoch the figures to record after each epoch (validation metrics), by name
     */
    Result train(MutableDataset<Label> dataset, List<String> labels, Function<MlpModel, Map<String, Double>> perEpoch) {
        return train(dataset, labels, perEpoch, List.of());
    }

    /** @param probe raw input rows (as {@link MlpModel#input}) for DJL to answer with the trained network */
    Result train(MutableDataset<Label> dataset, List<String> labels, Function<MlpModel, Map<String, Double>> perEpoch,
            List<double[]> probe) {
        DjlRuntime.configure();
        List<String> features = new ArrayList<>();
        for (VariableInfo info : dataset.getFeatureIDMap()) {
            features.add(info.getName());
        }
        features.sort(null);
        Inputs inputs = Inputs.of(dataset, features, labels);
        Engine engine = DjlRuntime.engine();
        engine.setRandomSeed((int) seed);
        var curves = new LinkedHashMap<String, List<Double>>();
        try (Model model = Model.newInstance("mlp", Device.cpu(), DjlRuntime.ENGINE)) {
            model.setBlock(network(labels.size()));
            var config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, features.size()));
                var shuffle = new Random(seed);
                MlpModel current = null;
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    double loss = epoch(trainer, model.getNDManager(), inputs, shuffle);
                    current = export(model, features, labels, inputs);
                    curves.computeIfAbsent("loss", k -> new ArrayList<>()).add(loss);
                    perEpoch.apply(current).forEach((name, value) ->
                            curves.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
                }
                return new Result(current, curves, probe(trainer, model.getNDManager(), inputs, probe));
            }
        }
    }

    private SequentialBlock network(int classes) {
        var block = new SequentialBlock();
        for (int width : hidden) {
            block.add(Linear.builder().setUnits(width).build()).add(Activation.reluBlock());
        }
        return block.add(Linear.builder().setUnits(classes).build());
    }

    /** One pass over the shuffled rows; the mean training loss per row. */
    private double epoch(Trainer trainer, NDManager parent, Inputs inputs, Random shuffle) {
        int n = inputs.rows();
        int[] order = permutation(n, shuffle);
        double total = 0;
        for (int start = 0; start < n; start += batchSize) {
            int size = Math.min(batchSize, n - start);
            try (NDManager batch = parent.newSubManager()) {
                NDArray x = batch.create(inputs.features(order, start, size), new Shape(size, inputs.width()));
                NDArray y = batch.create(inputs.labels(order, start, size));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                    collector.backward(loss);
                    total += loss.getFloat() * size;
                }
                trainer.step();
            }
        }
        return total / n;
    }

    private static float[][] probe(Trainer trainer, NDManager parent, Inputs inputs, List<double[]> rows) {
        float[][] probabilities = new float[rows.size()][];
        try (NDManager manager = parent.newSubManager()) {
            for (int i = 0; i < rows.size(); i++) {
                float[] x = MlpModel.standardise(rows.get(i), inputs.mean(), inputs.scale());
                NDArray logits = trainer.evaluate(new NDList(manager.create(x, new Shape(1, x.length)))).singletonOrThrow();
                probabilities[i] = logits.softmax(1).toFloatArray();
            }
        }
        return probabilities;
    }

    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The network's current weights as plain arrays, layer by layer (DJL keeps weight then bias per layer). */
    private static MlpModel export(Model model, List<String> features, List<String> labels, Inputs inputs) {
        var layers = new ArrayList<MlpWeights.Dense>();
        float[] weight = null;
        long[] shape = null;
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            NDArray array = parameter.getValue().getArray();
            if (parameter.getKey().endsWith("weight")) {
                weight = array.toFloatArray();
                shape = array.getShape().getShape();
            } else {
                layers.add(new MlpWeights.Dense((int) shape[1], (int) shape[0], weight, array.toFloatArray()));
            }
        }
        return MlpModel.of(new MlpWeights(features, labels, inputs.mean(), inputs.scale(), layers));
    }

    /** The training rows as standardised float rows and class indices, with the standardisation learnt on them. */
    record Inputs(float[][] x, long[] y, float[] mean, float[] scale) {

        static Inputs of(MutableDataset<Label> dataset, List<String> features, List<String> labels) {
            var index = new LinkedHashMap<String, Integer>();
            for (int i = 0; i < features.size(); i++) {
                index.put(features.get(i), i);
            }
            double[][] raw = new double[dataset.size()][];
            long[] y = new long[dataset.size()];
            int row = 0;
            for (Example<Label> example : dataset) {
                raw[row] = dense(example, index);
                y[row++] = labels.indexOf(example.getOutput().getLabel());
            }
            float[] mean = new float[features.size()];
            float[] scale = new float[features.size()];
            for (int f = 0; f < mean.length; f++) {
                double sum = 0;
                for (double[] r : raw) {
                    sum += r[f];
                }
                double m = sum / raw.length;
                double squares = 0;
                for (double[] r : raw) {
                    squares += (r[f] - m) * (r[f] - m);
                }
                double sd = Math.sqrt(squares / raw.length);
                mean[f] = (float) m;
                // A constant feature (possible for a one-hot column of a rare category) is only centred.
                scale[f] = sd > 1e-12 ? (float) sd : 1f;
            }
            float[][] x = new float[raw.length][];
            for (int i = 0; i < raw.length; i++) {
                x[i] = MlpModel.standardise(raw[i], mean, scale);
            }
            return new Inputs(x, y, mean, scale);
        }

        /** As {@link MlpModel#input}: an absent feature is 0. */
        private static double[] dense(Example<Label> example, Map<String, Integer> index) {
            double[] values = new double[index.size()];
            example.forEach(feature -> {
                Integer i = index.get(feature.getName());
                if (i != null) {
                    values[i] = feature.getValue();
                }
            });
            return values;
        }

        int rows() {
            return x.length;
        }

        int width() {
            return mean.length;
        }

        float[] features(int[] order, int start, int size) {
            float[] flat = new float[size * width()];
            for (int i = 0; i < size; i++) {
                System.arraycopy(x[order[start + i]], 0, flat, i * width(), width());
            }
            return flat;
        }

        long[] labels(int[] order, int start, int size) {
            long[] batch = new long[size];
            for (int i = 0; i < size; i++) {
                batch[i] = y[order[start + i]];
            }
            return batch;
        }
    }
}
