package dev.cairn.api.pipelines.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.pipelines.search.Objective.Direction;
import dev.cairn.api.pipelines.search.SuccessiveHalving.Entry;
import dev.cairn.contracts.PipelineSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A minimised objective (an error such as rmse) through every part of the search that compares scores. */
class ObjectiveTest {
    private final Objective rmse = new Objective("rmse", Direction.MINIMIZE);

    @Test
    void errorsAreMinimisedAndEverythingElseMaximised() {
        assertThat(Objective.natural("rmse")).isEqualTo(Direction.MINIMIZE);
        assertThat(Objective.natural("mae")).isEqualTo(Direction.MINIMIZE);
        assertThat(Objective.natural("r2")).isEqualTo(Direction.MAXIMIZE);
        assertThat(Objective.natural("f1_macro")).isEqualTo(Direction.MAXIMIZE);
    }

    @Test
    void aSpecWithoutDirectionTakesTheMetricsOwn() {
        // Given: a search as resolved before direction existed
        var old = new PipelineSpec.Search("random", 5, 1, "mae", Map.of(), 1, null);
        // When
        var objective = Objective.of(old);
        // Then
        assertThat(objective.direction()).isEqualTo(Direction.MINIMIZE);
        assertThat(objective.score(40.0)).isEqualTo(-40.0);
    }

    @Test
    void successiveHalvingPromotesAndPicksTheLowestError() {
        // Given: rmse of six configurations on rung 0, then two of them on rung 1
        double[] rung0 = {52.0, 48.5, 61.0, 49.9, 70.2, 55.0};
        var entries = new ArrayList<Entry>();
        for (int config = 0; config < rung0.length; config++) {
            entries.add(new Entry(config, 0, rmse.score(rung0[config])));
        }
        var halving = SuccessiveHalving.of(1, 9, 3);
        // When
        var promoted = halving.promotion(entries);
        entries.add(new Entry(1, 1, rmse.score(47.0)));
        entries.add(new Entry(3, 1, rmse.score(46.1)));
        var best = SuccessiveHalving.best(entries);
        // Then: the lowest rmse of rung 0 (config 1, 48.5) goes up first; the lowest on rung 1 wins
        assertThat(promoted).contains(new SuccessiveHalving.Promotion(1, 1));
        assertThat(best).contains(new Entry(3, 1, -46.1));
    }

    @Test
    void everyStrategyEndsOnALowErrorWhenMinimising() {
        // Given: an error with its minimum 1.0 at depth 8, learning rate 0.1
        var raw = new LinkedHashMap<String, Object>();
        raw.put("max_depth", List.of(2, 12));
        raw.put("learning_rate", Map.of("min", 0.001, "max", 1.0, "log", true));
        var space = SearchSpace.parse(raw, (name, message) -> {
            throw new AssertionError(name + ": " + message);
        });
        // When: the error of the trial each search would choose (the highest score)
        double grid = chosenError(Proposer.of("grid", space, 3, 55), 55, rmse);
        double random = chosenError(Proposer.of("random", space, 3, 30), 30, rmse);
        double tpe = chosenError(Proposer.of("tpe", space, 3, 30), 30, rmse);
        double tpeMaximising = chosenError(Proposer.of("tpe", space, 3, 30), 30,
                new Objective("rmse", Direction.MAXIMIZE));
        // Then: measured 1.0625 (the grid's log points miss 0.1), 1.0122, 1.0006; maximising the error
        // instead climbs away from the minimum
        assertThat(grid).isEqualTo(1.0625, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(random).isLessThan(1.02);
        assertThat(tpe).isLessThan(1.005);
        assertThat(tpeMaximising).isGreaterThan(2.0);
    }

    /** Runs the proposer against the error, scoring as the objective says; the error of the best-scored trial. */
    private static double chosenError(Proposer proposer, int trials, Objective objective) {
        var history = new ArrayList<Observation>();
        double bestScore = Double.NEGATIVE_INFINITY;
        double chosen = Double.NaN;
        for (int n = 0; n < trials; n++) {
            var params = proposer.propose(n, List.copyOf(history));
            double error = error(params);
            double score = objective.score(error);
            if (score > bestScore) {
                bestScore = score;
                chosen = error;
            }
            history.add(new Observation(n, params, score));
        }
        return chosen;
    }

    private static double error(Map<String, Object> p) {
        double depth = ((Number) p.get("max_depth")).doubleValue();
        double rate = Math.log10(((Number) p.get("learning_rate")).doubleValue());
        return 1.0 + Math.pow((depth - 8) / 10, 2) + Math.pow(rate + 1, 2);
    }
}
