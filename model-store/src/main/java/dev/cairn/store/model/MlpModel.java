package dev.cairn.store.model;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableFeatureMap;
import org.tribuo.MutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.impl.EmptyDatasetProvenance;
import org.tribuo.provenance.impl.EmptyTrainerProvenance;

/**
 * A multilayer perceptron classifier behind Tribuo's {@link Model} interface, so that evaluation, the reference
 * profile and every server score it as they score any other classifier. Its weights were trained elsewhere (DJL and
 * PyTorch in the worker); this class is only the forward pass, in plain Java: standardise, dense layers with ReLU
 * between them, softmax at the end. Serving therefore needs no PyTorch native library. Immutable and thread-safe.
 *
 * <p>It is stored as {@value ModelPackages#CAIRN_MLP} ({@link MlpPayload}), never as a Tribuo protobuf:
 * {@link #serialize()} refuses.
 */
public final class MlpModel extends Model<Label> {

    private static final long serialVersionUID = 1L;

    private final MlpWeights weights;
    private final Map<String, Integer> featureIndex;

    private MlpModel(String name, ModelProvenance provenance, MlpWeights weights) {
        super(name, provenance, featureMap(weights.features()), outputInfo(weights.labels()), true);
        this.weights = weights;
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < weights.features().size(); i++) {
            index.put(weights.features().get(i), i);
        }
        this.featureIndex = Map.copyOf(index);
    }

    public static MlpModel of(MlpWeights weights) {
        var provenance = new ModelProvenance(MlpModel.class.getName(), OffsetDateTime.now(),
                new EmptyDatasetProvenance(), new EmptyTrainerProvenance());
        return new MlpModel("mlp", provenance, weights);
    }

    public MlpWeights weights() {
        return weights;
    }

    /**
     * The example as the network's raw input, in {@link MlpWeights#features()} order: a feature the example lacks is
     * 0, as in Tribuo's sparse examples (an absent one-hot column); a feature the model does not know is ignored.
     */
    public double[] input(Example<?> example) {
        double[] x = new double[featureIndex.size()];
        for (Feature feature : example) {
            Integer i = featureIndex.get(feature.getName());
            if (i != null) {
                x[i] = feature.getValue();
            }
        }
        return x;
    }

    /** The standardised input, as the first layer sees it. */
    public float[] standardise(double[] raw) {
        return standardise(raw, weights.mean(), weights.scale());
    }

    /**
     * {@code (raw - mean) / scale}, rounded to float32: the trainer feeds the network exactly these values, so training
     * and serving see the same inputs bit for bit.
     */
    public static float[] standardise(double[] raw, float[] mean, float[] scale) {
        float[] x = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            x[i] = (float) ((raw[i] - mean[i]) / scale[i]);
        }
        return x;
    }

    /** The class probabilities for one raw input, in {@link MlpWeights#labels()} order. */
    public double[] probabilities(double[] raw) {
        double[] activation = new double[raw.length];
        float[] standardised = standardise(raw);
        for (int i = 0; i < raw.length; i++) {
            activation[i] = standardised[i];
        }
        List<MlpWeights.Dense> layers = weights.layers();
        for (int l = 0; l < layers.size(); l++) {
            activation = dense(layers.get(l), activation, l < layers.size() - 1);
        }
        return softmax(activation);
    }

    private static double[] dense(MlpWeights.Dense layer, double[] in, boolean relu) {
        double[] out = new double[layer.outputs()];
        float[] w = layer.weights();
        for (int o = 0; o < out.length; o++) {
            double sum = layer.bias()[o];
            int row = o * layer.inputs();
            for (int i = 0; i < in.length; i++) {
                sum += w[row + i] * in[i];
            }
            out[o] = relu && sum < 0 ? 0 : sum;
        }
        return out;
    }

    /** Shifted by the largest logit so that exp never overflows. */
    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double total = 0;
        double[] p = new double[logits.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            total += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= total;
        }
        return p;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        double[] p = probabilities(input(example));
        var scores = new LinkedHashMap<String, Label>();
        int best = 0;
        for (int k = 0; k < p.length; k++) {
            String label = weights.labels().get(k);
            scores.put(label, new Label(label, p[k]));
            if (p[k] > p[best]) {
                best = k;
            }
        }
        int used = 0;
        for (Feature feature : example) {
            used += featureIndex.containsKey(feature.getName()) ? 1 : 0;
        }
        return new Prediction<>(scores.get(weights.labels().get(best)), scores, used, example, true);
    }

    /** A network has no per-feature weight that explains it. */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of();
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected Model<Label> copy(String newName, ModelProvenance newProvenance) {
        return new MlpModel(newName, newProvenance, weights);
    }

    /** Saved as {@value ModelPackages#CAIRN_MLP} by {@link ModelPackages#save}, not as a Tribuo protobuf. */
    @Override
    public ModelProto serialize() {
        throw new UnsupportedOperationException("an MLP is stored in the " + ModelPackages.CAIRN_MLP + " format");
    }

    private static ImmutableFeatureMap featureMap(List<String> features) {
        var map = new MutableFeatureMap();
        features.forEach(name -> map.add(name, 1.0));
        return new ImmutableFeatureMap(map);
    }

    private static ImmutableOutputInfo<Label> outputInfo(List<String> labels) {
        MutableOutputInfo<Label> info = new LabelFactory().generateInfo();
        labels.forEach(label -> info.observe(new Label(label)));
        return info.generateImmutableOutputInfo();
    }
}
