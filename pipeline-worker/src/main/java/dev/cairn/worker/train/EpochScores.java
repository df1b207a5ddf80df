package dev.cairn.worker.train;

import dev.cairn.store.model.Featurizer;
import dev.cairn.store.model.MlpModel;
import dev.cairn.worker.artifact.Table;
import dev.cairn.worker.evaluate.Scoring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.LabelFactory;

/**
 * What a network is scored on after each epoch: the validation rows' loss, accuracy, macro F1 and (two classes) ROC AUC,
 * named {@code validation_*}; the last epoch's equal the train step's validation metrics. The other metrics are left
 * out of the curves, which a run page draws one chart each.
 */
final class EpochScores {

    /** Keeps a class the network gives no probability at all from making the loss infinite. */
    private static final double SMALLEST_PROBABILITY = 1e-12;
    private static final List<String> CURVES = List.of("accuracy", "f1_macro", "roc_auc");

    private EpochScores() {
    }

    static Map<String, Double> of(MlpModel model, Featurizer featurizer, Table validation, String target,
            List<String> labels, String positive) {
        if (validation == null || validation.rows().isEmpty()) {
            return Map.of();
        }
        var scores = new LinkedHashMap<String, Double>();
        scores.put("validation_loss", loss(model, featurizer, validation, target));
        Scoring.metrics(model, featurizer, validation, target, labels, positive)
                .forEach((name, value) -> scores.put("validation_" + name, value));
        return scores;
    }

    /** Mean cross-entropy: minus the log of the probability given to each row's true class. */
    private static double loss(MlpModel model, Featurizer featurizer, Table rows, String target) {
        int targetIndex = rows.indexOf(target);
        List<String> labels = model.weights().labels();
        double total = 0;
        for (String[] cells : rows.rows()) {
            double[] p = model.probabilities(model.input(featurizer.example(rows.header(), cells,
                    LabelFactory.UNKNOWN_LABEL)));
            int k = labels.indexOf(cells[targetIndex]);
            total -= Math.log(Math.max(k < 0 ? 0 : p[k], SMALLEST_PROBABILITY));
        }
        return total / rows.rows().size();
    }
}
