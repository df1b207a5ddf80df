package dev.cairn.api.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    private static List<Long> latency(int bucket, long n, int otherBucket, long m) {
        var counts = new ArrayList<>(Collections.nCopies(TrackStats.LATENCY_BOUNDS_MS.size() + 1, 0L));
        counts.set(bucket, counts.get(bucket) + n);
        counts.set(otherBucket, counts.get(otherBucket) + m);
        return counts;
    }

    @Test
    void jensenShannonOfDisjointLabelsIsOneBit() {
        // When
        var js = Evidence.jensenShannon(Map.of("high", 30L), Map.of("low", 70L));
        // Then
        assertThat(js).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void jensenShannonMatchesTheHandComputedValue() {
        // Given: P = (0.5, 0.5), Q = (1, 0), M = (0.75, 0.25)
        // KL(P||M) = 0.5 log2(0.5/0.75) + 0.5 log2(0.5/0.25) = 0.207519; KL(Q||M) = log2(1/0.75) = 0.415037
        // When
        var js = Evidence.jensenShannon(Map.of("a", 5L, "b", 5L), Map.of("a", 40L));
        // Then: (0.207519 + 0.415037) / 2
        assertThat(js).isCloseTo(0.311278, within(1e-6));
    }

    @Test
    void jensenShannonOfTheSameMixIsZeroWhateverTheCounts() {
        // When
        var js = Evidence.jensenShannon(Map.of("a", 3L, "b", 1L), Map.of("a", 300L, "b", 100L));
        // Then
        assertThat(js).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void p99IsTheBoundOfTheBucketWhereNinetyNinePercentAreReached() {
        // Given: 98 requests up to 5 ms (bucket 3), 2 up to 100 ms (bucket 11): the 99th is in the slow bucket
        // When
        var p99 = Evidence.p99(latency(3, 98, 11, 2));
        // Then
        assertThat(p99).isEqualTo(100.0);
    }

    @Test
    void p99StaysInTheFastBucketWhenOnlyOnePercentIsSlow() {
        // When
        var p99 = Evidence.p99(latency(3, 99, 11, 1));
        // Then
        assertThat(p99).isEqualTo(5.0);
    }

    @Test
    void windowEvidenceCountsOnlyWhatHappenedSinceThePreviousReading() {
        // Given
        var before = new Observation(new TrackStats(100, 0, latency(0, 100, 0, 0), Map.of("high", 100L)),
                new TrackStats(10, 1, latency(2, 10, 2, 0), Map.of("high", 9L)), 0, 0);
        var after = new Observation(new TrackStats(180, 0, latency(0, 180, 0, 0), Map.of("high", 180L)),
                new TrackStats(30, 2, latency(2, 29, 19, 1), Map.of("high", 9L, "low", 19L)), 0, 0);
        // When
        var e = Evidence.of(after.since(before), after);
        // Then
        assertThat(e.candidateRequests()).isEqualTo(20);
        assertThat(e.candidateErrorRate()).isEqualTo(0.05);
        assertThat(e.candidateLabels()).containsExactly(Map.entry("low", 19L));
        assertThat(e.labelDivergence()).isCloseTo(1.0, within(1e-12));
        assertThat(e.agreement()).isNull();
    }

    @Test
    void analysisRollsBackAnErroringCandidateEvenOnLittleTraffic() {
        // Given
        var analysis = new Analysis(0.01, 50, 0.1, 0.9, 50);
        var window = new Observation(TrackStats.EMPTY, new TrackStats(5, 1, latency(0, 5, 0, 0), Map.of()), 0, 0);
        // When
        var verdict = analysis.judge(Evidence.of(window, window));
        // Then
        assertThat(verdict.outcome()).isEqualTo(Analysis.Outcome.FAIL);
        assertThat(verdict.reason()).contains("error rate 0.2000");
    }

    @Test
    void analysisHoldsAWindowWithTooFewRequests() {
        // Given
        var analysis = new Analysis(0.01, 50, 0.1, 0.9, 50);
        var window = new Observation(TrackStats.EMPTY, new TrackStats(5, 0, latency(0, 5, 0, 0), Map.of()), 0, 0);
        // When
        var verdict = analysis.judge(Evidence.of(window, window));
        // Then
        assertThat(verdict.outcome()).isEqualTo(Analysis.Outcome.INCONCLUSIVE);
    }

    @Test
    void analysisFailsAShadowThatDisagreesWithStable() {
        // Given: 60 of 100 mirrored requests agree
        var analysis = new Analysis(0.01, 50, 1.0, 0.9, 50);
        var window = new Observation(new TrackStats(100, 0, latency(0, 100, 0, 0), Map.of("a", 100L)),
                new TrackStats(100, 0, latency(0, 100, 0, 0), Map.of("a", 60L, "b", 40L)), 100, 60);
        // When
        var verdict = analysis.judge(Evidence.of(window, window));
        // Then
        assertThat(verdict.outcome()).isEqualTo(Analysis.Outcome.FAIL);
        assertThat(verdict.reason()).contains("0.600");
    }
}
