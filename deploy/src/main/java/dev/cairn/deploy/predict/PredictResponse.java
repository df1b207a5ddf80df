package dev.cairn.deploy.predict;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.deploy.inference.Answer;
import java.util.List;
import java.util.Map;

/**
 * Answer of {@code POST /predict}: for one row, its prediction's fields at the top level; for a batch,
 * {@code predictions} in the order of {@code instances}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictResponse(String model, String version, String predictionId, String label,
        Map<String, Double> probabilities, List<Answer> predictions) {

    static PredictResponse one(String model, String version, Answer answer) {
        return new PredictResponse(model, version, answer.predictionId(), answer.label(), answer.probabilities(),
                null);
    }

    static PredictResponse batch(String model, String version, List<Answer> answers) {
        return new PredictResponse(model, version, null, null, null, answers);
    }
}
