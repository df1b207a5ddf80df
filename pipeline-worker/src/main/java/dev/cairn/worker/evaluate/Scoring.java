package dev.cairn.worker.evaluate;

import dev.cairn.store.model.Featurizer;
import dev.cairn.worker.artifact.Table;
import dev.cairn.worker.task.StepFailure;
import dev.cairn.worker.train.RegressionTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Runs a model over labelled rows and measures it; the train step uses it on validation rows too. */
public final class Scoring {

    /** predict does not read the example's label; the true one stays in the row. */
    private static final Label LABEL_UNKNOWN = LabelFactory.UNKNOWN_LABEL;

    private Scoring() {
    }

    /** The metrics of {@link Evaluation#metrics()}, for a caller outside this package. */
    public static Map<String, Double> metrics(Model<Label> model, Featurizer featurizer, Table rows, String target,
            List<String> labels, String positive) {
        return score(model, featurizer, rows, target, labels, positive).metrics();
    }

    /**
     * @param labels the model's labels; ROC AUC is measured when there are exactly two
     * @param positive the spec's positive class, or null for the rarer class among these rows
     */
    static Evaluation score(Model<Label> model, Featurizer featurizer, Table rows, String target,
            List<String> labels, String positive) {
        List<String> actual = rows.column(target);
        if (actual.isEmpty()) {
            throw new StepFailure("there are no rows to evaluate the model on");
        }
        String positiveClass = PositiveClass.choose(positive, labels, actual);
        int targetIndex = rows.indexOf(target);
        var predictions = model.predict(examples(featurizer, rows, LABEL_UNKNOWN));
        var scored = new ArrayList<ScoredRow>(actual.size());
        for (int i = 0; i < predictions.size(); i++) {
            Prediction<Label> prediction = predictions.get(i);
            scored.add(new ScoredRow(rows.rows().get(i)[targetIndex], prediction.getOutput().getLabel(),
                    score(prediction, positiveClass)));
        }
        return Evaluation.of(scored, positiveClass, labels.size() == 2);
    }

    /** The regression metrics of {@link RegressionEvaluation#metrics()}, for a caller outside this package. */
    public static Map<String, Double> regressionMetrics(Model<Regressor> model, Featurizer featurizer, Table rows,
            String target) {
        return scoreRegression(model, featurizer, rows, target).metrics();
    }

    static RegressionEvaluation scoreRegression(Model<Regressor> model, Featurizer featurizer, Table rows,
            String target) {
        if (rows.rows().isEmpty()) {
            throw new StepFailure("there are no rows to evaluate the model on");
        }
        int targetIndex = rows.indexOf(target);
        if (targetIndex < 0) {
            throw new StepFailure("target column '" + target + "' is not in the rows to evaluate on");
        }
        double[] actual = new double[rows.rows().size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = RegressionTarget.parse(target, rows.rows().get(i)[targetIndex]);
        }
        var predictions = model.predict(examples(featurizer, rows, RegressionFactory.UNKNOWN_REGRESSOR));
        double[] predicted = predictions.stream().mapToDouble(p -> p.getOutput().getValues()[0]).toArray();
        return RegressionEvaluation.of(actual, predicted);
    }

    /**
     * Every row as an example, to be predicted in one call: XGBoost then builds one DMatrix for all the
     * rows instead of one per row (4000 letter rows: seconds rather than minutes on a busy machine).
     */
    private static <T extends Output<T>> List<Example<T>> examples(Featurizer featurizer, Table rows, T unknown) {
        var examples = new ArrayList<Example<T>>(rows.rows().size());
        for (String[] cells : rows.rows()) {
            examples.add(featurizer.example(rows.header(), cells, unknown));
        }
        return examples;
    }

    /**
     * The positive class's score. Logistic regression gives a probability; Tribuo's CART gives the
     * class fractions of the leaf (it says it is not probabilistic, but the fractions rank rows all
     * the same, which is all ROC AUC needs).
     */
    private static double score(Prediction<Label> prediction, String positive) {
        Label label = prediction.getOutputScores().get(positive);
        return label == null ? 0.0 : label.getScore();
    }
}
