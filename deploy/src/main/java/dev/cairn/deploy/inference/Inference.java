package dev.cairn.deploy.inference;

import dev.cairn.deploy.model.ServedModel;
import dev.cairn.deploy.predictionlog.PredictionLog;
import dev.cairn.store.model.InvalidRowException;
import dev.cairn.store.model.Prediction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Answers rows with the served model; both APIs (plain JSON and Open Inference Protocol v2) come through here, so
 * they validate, count and publish predictions the same way. A batch is answered whole or refused whole: a client
 * never has to match a partial answer to its rows.
 */
@ApplicationScoped
public class Inference {

    private static final Logger LOG = Logger.getLogger(Inference.class);

    private final ServedModel served;
    private final InferenceMetrics metrics;
    private final PredictionLog log;

    Inference(ServedModel served, InferenceMetrics metrics, PredictionLog log) {
        this.served = served;
        this.metrics = metrics;
        this.log = log;
    }

    /**
     * @param rows raw cells by column name; keys must be input columns (or the target, ignored)
     * @param startedNanos {@link System#nanoTime()} when the request was received, for the latency metric
     * @throws ModelNotReadyException before the model is loaded and warmed
     * @throws InvalidRequestException naming the row (in a batch) and the column when a row cannot be answered
     */
    public List<Answer> answer(List<Map<String, String>> rows, Endpoint endpoint, long startedNanos) {
        ServedModel.Loaded loaded = served.ready().orElseThrow(() -> {
            metrics.notReady(endpoint);
            return new ModelNotReadyException(served.name());
        });
        List<Answer> answers = new ArrayList<>(rows.size());
        try {
            for (int i = 0; i < rows.size(); i++) {
                answers.add(answerOne(loaded, rows.get(i), rows.size() == 1 ? -1 : i));
            }
        } catch (InvalidRequestException e) {
            metrics.invalid(endpoint);
            throw e;
        } catch (RuntimeException e) {
            metrics.failed(endpoint);
            LOG.errorf(e, "Model %s could not answer a request", served.name());
            throw e;
        }
        long latency = System.nanoTime() - startedNanos;
        metrics.answered(endpoint, rows.size(), latency);
        for (int i = 0; i < rows.size(); i++) {
            log.offer(answers.get(i), rows.get(i), endpoint, latency);
        }
        return answers;
    }

    private static Answer answerOne(ServedModel.Loaded loaded, Map<String, String> row, int index) {
        for (String key : row.keySet()) {
            if (!loaded.schema().accepts(key)) {
                throw new InvalidRequestException(where(index) + "unknown feature '" + key + "'; the model reads "
                        + loaded.schema().columnNames());
            }
        }
        Prediction prediction;
        try {
            prediction = loaded.model().predict(row);
        } catch (InvalidRowException e) {
            throw new InvalidRequestException(where(index) + e.getMessage());
        }
        return new Answer(PredictionIds.next(), prediction.label(), prediction.probabilities());
    }

    private static String where(int index) {
        return index < 0 ? "" : "row " + index + ": ";
    }
}
