package dev.cairn.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.monitoring.drift.FeatureDrift;
import dev.cairn.monitoring.reference.Reference;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.profile.CategoricalReference;
import dev.cairn.store.profile.NumericReference;
import dev.cairn.store.profile.ReferenceProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentWindowTest {

    // distance: bins (-∞,100], (100,200], (200,∞) with 50/30/20 training rows, range [10, 400]
    // origin: LAX 60, SFO 40 named, 0 other; JFK seen in training too
    // predictions: late 20, ontime 80
    private static final Reference REFERENCE = new Reference("pkg", new ReferenceProfile(1, 100,
            List.of(new NumericReference("distance", new double[] {100, 200}, new long[] {50, 30, 20}, 0, 10, 400)),
            List.of(new CategoricalReference("origin", Map.of("LAX", 60L, "SFO", 40L), 0, 0)),
            Map.of("late", 20L, "ontime", 80L), Map.of()),
            Map.of("origin", Set.of("LAX", "SFO", "JFK")), MissingTokens.DEFAULT);

    private static PredictionSample sample(String id, String distance, String origin, String label) {
        var s = new PredictionSample();
        s.predictionId = id;
        s.deploymentId = "flights";
        s.modelVersion = "1";
        s.label = label;
        s.latencyMicros = 1000;
        s.featureNames.addAll(List.of("distance", "origin"));
        s.featureValues.add(distance);
        s.featureValues.add(origin);
        return s;
    }

    private static FeatureDrift feature(WindowReport report, String name) {
        return report.features().stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void closesACountWindowWithStatisticsOverTheReferenceBins() {
        // Given a window of 10 predictions: distances 3 in bin 0, 3 in bin 1, 4 in bin 2 (one of them 500, out of
        // range), origins 3 LAX, 7 SFO, predictions 4 late, 6 ontime
        var window = new DeploymentWindow("flights", "1", REFERENCE, TestWindowConfig.countOf(10));
        String[] distances = {"50", "60", "70", "150", "160", "170", "250", "260", "270", "500"};
        Optional<WindowReport> report = Optional.empty();
        // When
        for (int i = 0; i < 10; i++) {
            report = window.record(sample("p" + i, distances[i], i < 3 ? "LAX" : "SFO", i < 4 ? "late" : "ontime"), 0);
        }
        // Then distance: reference .5 .3 .2, observed .3 .3 .4: PSI = .2·ln(5/3) + .2·ln 2 = .240795 (PsiTest);
        // CDFs .5 .8 1 vs .3 .6 1: KS D = .2
        assertThat(report).isPresent();
        var distance = feature(report.get(), "distance");
        assertThat(distance.psi()).isCloseTo(0.240795, within(1e-6));
        assertThat(distance.ks()).isCloseTo(0.2, within(1e-12));
        assertThat(distance.outOfRangeRate()).isCloseTo(0.1, within(1e-12));
        // origin: reference .6 .4 vs observed .3 .7: PSI = (.3-.6)·ln(.5) + (.7-.4)·ln(1.75) = .207944 + .167885
        assertThat(feature(report.get(), "origin").psi()).isCloseTo(0.375829, within(1e-6));
        // predictions (late, ontime): reference .2 .8 vs .4 .6: PSI = .2·ln 2 + (-.2)·ln(.75) = .138629 + .057536
        assertThat(report.get().predictionDrift().psi()).isCloseTo(0.196166, within(1e-6));
        assertThat(report.get().predictions()).isEqualTo(10);
    }

    @Test
    void countsMissingInvalidAndUnseenCellsAsQualityProblems() {
        // Given 4 predictions: one missing distance, one non-numeric; one unseen origin (BOS), one seen-but-rare (JFK)
        var window = new DeploymentWindow("flights", "1", REFERENCE, TestWindowConfig.countOf(4));
        window.record(sample("a", "NA", "LAX", "late"), 0);
        window.record(sample("b", "abc", "BOS", "late"), 0);
        window.record(sample("c", "150", "JFK", "late"), 0);
        // When
        var report = window.record(sample("d", "150", "SFO", "late"), 0).orElseThrow();
        // Then
        var distance = feature(report, "distance");
        assertThat(distance.missingRate()).isEqualTo(0.25);
        assertThat(distance.invalidRate()).isEqualTo(0.25);
        assertThat(feature(report, "origin").unseenRate()).isEqualTo(0.25);
    }

    @Test
    void treatsAFeatureAbsentFromTheEventAsMissing() {
        // Given an event that omits origin
        var window = new DeploymentWindow("flights", "1", REFERENCE, TestWindowConfig.countOf(2));
        var partial = sample("a", "50", "LAX", "late");
        partial.featureNames.remove(1);
        partial.featureValues.remove(1);
        window.record(partial, 0);
        // When
        var report = window.record(sample("b", "50", "LAX", "late"), 0).orElseThrow();
        // Then
        assertThat(feature(report, "origin").missingRate()).isEqualTo(0.5);
    }

    @Test
    void measuresPerformanceOnTheLabelsThatArrived() {
        // Given 4 predictions late, late, ontime, ontime with true labels late, ontime, ontime, ontime
        var window = new DeploymentWindow("flights", "1", REFERENCE, TestWindowConfig.countOf(5));
        String[] predicted = {"late", "late", "ontime", "ontime"};
        String[] truth = {"late", "ontime", "ontime", "ontime"};
        for (int i = 0; i < 4; i++) {
            window.record(sample("p" + i, "50", "LAX", predicted[i]), 0);
        }
        for (int i = 0; i < 4; i++) {
            window.feedback("p" + i, truth[i], 0);
        }
        // When
        var report = window.record(sample("p4", "50", "LAX", "late"), 0).orElseThrow();
        // Then accuracy 3/4; recall late 1/1, ontime 2/3 → macro .833333;
        // precision late 1/2, ontime 2/2; F1 late 2·.5·1/1.5 = .666667, ontime 2·1·(2/3)/(5/3) = .8 → macro .733333
        var performance = report.performance();
        assertThat(performance.labelled()).isEqualTo(4);
        assertThat(performance.accuracy()).isEqualTo(0.75);
        assertThat(performance.recall()).isCloseTo(0.833333, within(1e-6));
        assertThat(performance.f1()).isCloseTo(0.733333, within(1e-6));
    }

    @Test
    void countsALabelOnceAndIgnoresUnknownPredictions() {
        // Given
        var window = new DeploymentWindow("flights", "1", REFERENCE, TestWindowConfig.countOf(5));
        window.record(sample("p0", "50", "LAX", "late"), 0);
        // When
        boolean first = window.feedback("p0", "late", 0);
        boolean again = window.feedback("p0", "late", 0);
        boolean unknown = window.feedback("nope", "late", 0);
        // Then
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(unknown).isFalse();
    }

    @Test
    void boundsNewCategoriesPerWindow() {
        // Given at most 2 new categories tracked apart (TestWindowConfig), 5 new ones arriving
        var window = new DeploymentWindow("flights", "1", REFERENCE, TestWindowConfig.countOf(5));
        for (String origin : List.of("A", "B", "C", "D")) {
            window.record(sample(origin, "50", origin, "late"), 0);
        }
        // When
        var report = window.record(sample("E", "50", "E", "late"), 0).orElseThrow();
        // Then all 5 are unseen; the statistics still see them (three share the overflow slot)
        var origin = feature(report, "origin");
        assertThat(origin.unseenRate()).isEqualTo(1.0);
        assertThat(origin.jensenShannon()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void closesATimeWindowWhenAnEventBelongsToTheNext() {
        // Given one-minute windows: two events in minute 0
        var window = new DeploymentWindow("flights", "1", REFERENCE, TestWindowConfig.timeOf(Duration.ofMinutes(1)));
        var first = sample("a", "50", "LAX", "late");
        first.atMillis = 1_000;
        window.record(first, 0);
        var second = sample("b", "50", "LAX", "late");
        second.atMillis = 59_000;
        window.record(second, 0);
        var next = sample("c", "50", "LAX", "late");
        next.atMillis = 61_000;
        // When
        var report = window.record(next, 0).orElseThrow();
        // Then
        assertThat(report.predictions()).isEqualTo(2);
        assertThat(report.start().toEpochMilli()).isZero();
        assertThat(report.end().toEpochMilli()).isEqualTo(60_000);
    }

    @Test
    void reportsLatencyPercentilesAndErrorRatePerPod() {
        // Given pod a: 3 answers at 1 ms and 1 error; pod b: 1 answer at 10 ms
        var window = new DeploymentWindow("flights", "1", REFERENCE, TestWindowConfig.countOf(5));
        for (int i = 0; i < 4; i++) {
            var s = sample("a" + i, "50", "LAX", "late");
            s.pod = "a";
            s.error = i == 3;
            window.record(s, 0);
        }
        var slow = sample("b", "50", "LAX", "late");
        slow.pod = "b";
        slow.latencyMicros = 10_000;
        // When
        var health = window.record(slow, 0).orElseThrow().health();
        // Then 1 ms = 1000 µs sits in bucket ⌈log(1000/10)/log 1.1⌉ = ⌈48.32⌉ = 49, upper bound 10 µs·1.1^49 =
        // 1.0672 ms; 10 ms in bucket ⌈72.48⌉ = 73, up to 10 µs·1.1^73 = 10.5115 ms
        assertThat(health.errorRate()).isCloseTo(0.2, within(1e-12));
        var podA = health.pods().get(0);
        assertThat(podA.errorRate()).isEqualTo(0.25);
        assertThat(podA.p50Millis()).isCloseTo(1.0672, within(1e-4));
        assertThat(health.p99Millis()).isCloseTo(10.5115, within(1e-4));
    }

    @Test
    void closesAnIdleTimeWindowAfterOneWindowLengthWithoutEvents() {
        // Given one-minute windows and an event received at wall-clock 0
        var window = new DeploymentWindow("flights", "1", REFERENCE, TestWindowConfig.timeOf(Duration.ofMinutes(1)));
        window.record(sample("a", "50", "LAX", "late"), 0);
        // When
        var early = window.closeIfIdle(59_999);
        var idle = window.closeIfIdle(60_000);
        // Then
        assertThat(early).isEmpty();
        assertThat(idle).hasValueSatisfying(r -> assertThat(r.predictions()).isEqualTo(1));
        assertThat(window.closeIfIdle(120_000)).isEmpty();
    }
}
