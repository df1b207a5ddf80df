package dev.cairn.monitoring.window;

/**
 * How right the model was on the predictions whose true label arrived during the window. Recall and F1 are macro
 * averages over the labels that occur (as truth or prediction) in the window, so a rare class weighs as much as a
 * common one. All NaN when no label arrived.
 */
public record PerformanceReport(long labelled, double accuracy, double recall, double f1) {
}
