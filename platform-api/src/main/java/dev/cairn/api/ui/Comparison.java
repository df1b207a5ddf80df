package dev.cairn.api.ui;

import java.util.List;

/**
 * Runs side by side: a row per param and per metric with each run's value, marked where they differ; and the
 * curves of every metric, overlaid (as JSON for the charts: {@code {runs: [...], curves: {key: {run: [[step, value]]}}}}).
 */
public record Comparison(List<RunsTable.Row> runs, List<Line> params, List<Line> metrics, String curvesJson) {

    public record Line(String key, List<String> values, boolean differs) {
    }
}
