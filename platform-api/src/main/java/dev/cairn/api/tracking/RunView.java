package dev.cairn.api.tracking;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A run with its params, tags and the newest value of each metric (keys sorted, for stable output). */
record RunView(String id, String experiment, String name, RunStatus status, String source, String createdBy,
        Instant startTime, Instant endTime, Map<String, String> params, Map<String, MetricPoint> metrics,
        Map<String, String> tags) {

    static RunView of(Run run) {
        return new RunView(run.id, run.experiment.name, run.name, run.status, run.source, run.createdBy,
                run.startTime, run.endTime, new TreeMap<>(run.params()), new TreeMap<>(run.latestMetrics()),
                new TreeMap<>(run.tags()));
    }
}
