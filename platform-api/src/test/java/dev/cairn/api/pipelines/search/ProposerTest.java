package dev.cairn.api.pipelines.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProposerTest {
    private static final Map<String, Object> RAW = rawSpace();

    private static Map<String, Object> rawSpace() {
        var raw = new LinkedHashMap<String, Object>();
        raw.put("max_depth", List.of(2, 12));
        raw.put("eta", Map.of("min", 0.001, "max", 1.0, "log", true));
        raw.put("booster", Map.of("choices", List.of("gbtree", "dart")));
        return raw;
    }

    private final SearchSpace space = SearchSpace.parse(RAW, (name, message) -> {
        throw new AssertionError(name + ": " + message);
    });

    /** A smooth function with its best at max_depth 8, eta 0.1, booster dart. */
    private static double objective(Map<String, Object> p) {
        double depth = ((Number) p.get("max_depth")).doubleValue();
        double eta = Math.log10(((Number) p.get("eta")).doubleValue());
        return -Math.pow((depth - 8) / 10, 2) - Math.pow(eta + 1, 2) - (p.get("booster").equals("dart") ? 0 : 0.3);
    }

    private static List<Observation> run(Proposer proposer, int trials) {
        var history = new ArrayList<Observation>();
        for (int n = 0; n < trials; n++) {
            var params = proposer.propose(n, List.copyOf(history));
            history.add(new Observation(n, params, objective(params)));
        }
        return history;
    }

    @Test
    void tpeProposesTheSameFromTheSameSeedAndHistory() {
        // When
        var first = run(Proposer.of("tpe", space, 7, 30), 30);
        var second = run(Proposer.of("tpe", space, 7, 30), 30);
        var otherSeed = run(Proposer.of("tpe", space, 8, 30), 30);
        // Then
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void tpeFindsBetterPointsThanRandomWithTheSameBudget() {
        // When: 40 trials each, over 10 seeds
        int tpeWins = 0;
        var tpe = new ArrayList<Double>();
        var random = new ArrayList<Double>();
        for (long seed = 1; seed <= 10; seed++) {
            tpe.add(best(run(Proposer.of("tpe", space, seed, 40), 40)));
            random.add(best(run(Proposer.of("random", space, seed, 40), 40)));
            tpeWins += tpe.getLast() > random.getLast() ? 1 : 0;
        }
        // Then: measured, TPE wins on 9 of 10 seeds, median best -0.0016 against -0.0195 for random (mean
        // -0.0064 against -0.0309); TPE can settle early on a worse category, so not every seed is a win
        assertThat(tpeWins).isGreaterThanOrEqualTo(7);
        assertThat(median(tpe)).isGreaterThan(median(random));
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    @Test
    void theOrderOfTheSpaceAsStoredDoesNotChangeTheProposals() {
        // Given: the same space with its keys in another order, as jsonb gives them back
        var reordered = new LinkedHashMap<String, Object>();
        reordered.put("booster", RAW.get("booster"));
        reordered.put("max_depth", RAW.get("max_depth"));
        reordered.put("eta", RAW.get("eta"));
        var other = SearchSpace.parse(reordered, (name, message) -> {
        });
        // When / Then
        for (var strategy : List.of("grid", "random", "tpe")) {
            assertThat(run(Proposer.of(strategy, other, 11, 20), 20)).as(strategy)
                    .isEqualTo(run(Proposer.of(strategy, space, 11, 20), 20));
        }
    }

    @Test
    void proposalsStayInsideTheSpace() {
        // When
        var history = run(Proposer.of("tpe", space, 3, 50), 50);
        // Then
        assertThat(history).allSatisfy(o -> {
            assertThat(((Number) o.params().get("max_depth")).longValue()).isBetween(2L, 12L);
            assertThat(((Number) o.params().get("eta")).doubleValue()).isBetween(0.001, 1.0);
            assertThat(o.params().get("booster")).isIn("gbtree", "dart");
        });
    }

    @Test
    void gridVisitsEveryCombinationOnce() {
        // Given
        var grid = Proposer.of("grid", space, 0, 0);
        // When
        var seen = new java.util.HashSet<Map<String, Object>>();
        for (int n = 0; n < space.gridSize(); n++) {
            seen.add(grid.propose(n, List.of()));
        }
        // Then: 11 depths x 5 etas x 2 boosters
        assertThat(space.gridSize()).isEqualTo(110);
        assertThat(seen).hasSize(110);
    }

    @Test
    void spaceEntriesThatAreNoRangeOrChoiceAreNamed() {
        // Given
        var complaints = new LinkedHashMap<String, String>();
        // When
        SearchSpace.parse(Map.of("a", List.of(1, 2, 3), "b", Map.of("min", 0, "max", 1, "step", 2),
                "c", Map.of("min", 0, "max", 1, "log", true), "d", List.of(5, 1)), complaints::put);
        // Then
        assertThat(complaints).containsOnlyKeys("a", "b", "c", "d");
        assertThat(complaints.get("c")).contains("log range needs min > 0");
    }

    private static double best(List<Observation> history) {
        return history.stream().mapToDouble(Observation::score).max().orElseThrow();
    }
}
