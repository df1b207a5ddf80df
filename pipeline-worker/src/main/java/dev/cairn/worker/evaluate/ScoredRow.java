package dev.cairn.worker.evaluate;

/** One test row as the metrics see it: its true label, the model's answer and the positive class's probability. */
record ScoredRow(String actual, String predicted, double positiveScore) {
}
