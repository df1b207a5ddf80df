package dev.cairn.api.tracking;

import java.time.Instant;

record ExperimentView(String name, String description, String createdBy, Instant createdAt) {

    static ExperimentView of(Experiment e) {
        return new ExperimentView(e.name, e.description, e.createdBy, e.createdAt);
    }
}
