package dev.cairn.monitoring.report;

import dev.cairn.contracts.WindowMeasured;
import dev.cairn.monitoring.drift.FeatureDrift;
import dev.cairn.monitoring.window.WindowReport;
import java.time.Instant;

/** A closed window's figures as the versioned record the control plane keeps; NaN (does not apply) becomes null. */
final class WindowMeasurement {

    private WindowMeasurement() {
    }

    static WindowMeasured of(WindowReport r, Instant now) {
        var features = r.features().stream().map(WindowMeasurement::feature).toList();
        var prediction = r.predictionDrift() == null ? null : feature(r.predictionDrift());
        var p = r.performance();
        var h = r.health();
        return new WindowMeasured(WindowMeasured.CURRENT_VERSION, r.deploymentId(), r.modelVersion(),
                r.modelPackage(), r.start(), r.end(), r.predictions(), r.driftScored(), features, prediction,
                new WindowMeasured.Performance(p.labelled(), finite(p.accuracy()), finite(p.recall()), finite(p.f1())),
                new WindowMeasured.Health(h.requests(), h.errors(), finite(h.errorRate()), finite(h.p50Millis()),
                        finite(h.p95Millis()), finite(h.p99Millis())),
                now);
    }

    private static WindowMeasured.Feature feature(FeatureDrift d) {
        return new WindowMeasured.Feature(d.feature(), d.kind(), finite(d.psi()), finite(d.ks()), finite(d.ksPValue()),
                finite(d.chiSquare()), finite(d.chiSquarePValue()), finite(d.jensenShannon()), finite(d.missingRate()),
                finite(d.outOfRangeRate()), finite(d.unseenRate()), finite(d.invalidRate()));
    }

    /** JSON has no NaN or infinity: a figure that does not apply is absent. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
