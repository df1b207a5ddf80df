package dev.cairn.store.model;

import java.util.List;

/**
 * Everything a trained multilayer perceptron is: the features it reads (Tribuo feature names, in input order), the
 * classes it answers (in output order), the standardisation learnt on the training rows, and its dense layers. The
 * arrays are float32 because that is what the network was trained in; the forward pass widens them to double.
 *
 * @param mean per feature, subtracted first
 * @param scale per feature, divided by next (the training rows' standard deviation; 1 where that was 0)
 * @param layers in order; ReLU between them, softmax after the last
 */
public record MlpWeights(List<String> features, List<String> labels, float[] mean, float[] scale, List<Dense> layers) {

    /**
     * One fully connected layer, {@code y = W x + b}.
     *
     * @param weights {@code outputs} rows of {@code inputs} values, row after row (PyTorch's and DJL's layout)
     */
    public record Dense(int inputs, int outputs, float[] weights, float[] bias) {

        public Dense {
            if (inputs < 1 || outputs < 1 || weights.length != (long) inputs * outputs || bias.length != outputs) {
                throw new IllegalArgumentException("a dense layer " + inputs + " -> " + outputs + " needs "
                        + (long) inputs * outputs + " weights and " + outputs + " biases, got " + weights.length
                        + " and " + bias.length);
            }
            requireFinite("weights", weights);
            requireFinite("bias", bias);
        }
    }

    /** @throws IllegalArgumentException unless the shapes chain from the features to the labels and every number is finite */
    public MlpWeights {
        features = List.copyOf(features);
        labels = List.copyOf(labels);
        layers = List.copyOf(layers);
        if (features.isEmpty() || labels.size() < 2 || layers.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs features, at least two labels and at least one layer");
        }
        if (mean.length != features.size() || scale.length != features.size()) {
            throw new IllegalArgumentException("standardisation has " + mean.length + " means and " + scale.length
                    + " scales for " + features.size() + " features");
        }
        requireFinite("mean", mean);
        requireFinite("scale", scale);
        for (float s : scale) {
            if (s <= 0) {
                throw new IllegalArgumentException("a standardisation scale must be positive, got " + s);
            }
        }
        int width = features.size();
        for (Dense layer : layers) {
            if (layer.inputs() != width) {
                throw new IllegalArgumentException("a layer takes " + layer.inputs() + " inputs but receives " + width);
            }
            width = layer.outputs();
        }
        if (width != labels.size()) {
            throw new IllegalArgumentException("the last layer has " + width + " outputs for " + labels.size() + " labels");
        }
    }

    private static void requireFinite(String what, float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("an MLP's " + what + " must be finite numbers, found " + v);
            }
        }
    }

    /** Hidden layer widths, e.g. {@code [64, 32]}. */
    public List<Integer> hidden() {
        return layers.subList(0, layers.size() - 1).stream().map(Dense::outputs).toList();
    }
}
