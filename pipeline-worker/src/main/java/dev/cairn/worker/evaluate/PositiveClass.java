package dev.cairn.worker.evaluate;

import dev.cairn.worker.task.StepFailure;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which class binary metrics such as ROC AUC treat as "positive". */
final class PositiveClass {

    private PositiveClass() {
    }

    /**
     * The spec's choice when given, else the rarer class in the test set: the one a churn or fraud
     * model exists to find. On a tie the label that sorts last wins ("yes" over "no", "1" over "0").
     */
    static String choose(String requested, List<String> modelLabels, List<String> actual) {
        if (requested != null) {
            if (!modelLabels.contains(requested)) {
                throw new StepFailure("positive class '" + requested + "' is not a label of the model; labels: "
                        + String.join(", ", modelLabels));
            }
            return requested;
        }
        Map<String, Long> counts = actual.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return modelLabels.stream()
                .min(Comparator.<String>comparingLong(l -> counts.getOrDefault(l, 0L))
                        .thenComparing(Comparator.reverseOrder()))
                .orElseThrow();
    }
}
