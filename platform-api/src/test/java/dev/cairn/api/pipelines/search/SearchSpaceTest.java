package dev.cairn.api.pipelines.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    @Test
    void layerWidthsAreChosenAsWholeLists() {
        // Given: the MLP's layers as choices of lists
        var problems = new ArrayList<String>();
        var layers = List.of(List.of(64), List.of(64, 32), List.of());
        var space = SearchSpace.parse(Map.of("layers", Map.of("choices", layers)),
                (name, message) -> problems.add(name + ": " + message));
        // Then: a grid tries each list as it is, and a draw returns one of them whole
        assertThat(problems).isEmpty();
        assertThat(space.gridSize()).isEqualTo(3);
        assertThat(space.dimensions().getFirst().grid()).containsExactly(List.of(64), List.of(64, 32), List.of());
        var random = new SplittableRandom(7);
        for (int i = 0; i < 20; i++) {
            assertThat(space.dimensions().getFirst().sample(random)).isIn(List.of(64), List.of(64, 32), List.of());
        }
    }

    @Test
    void refusesAChoiceThatIsAListOfAnythingButWholeNumbers() {
        var problems = new ArrayList<String>();
        SearchSpace.parse(Map.of("layers", Map.of("choices", List.of(List.of(64), List.of(0.5, "wide")))),
                (name, message) -> problems.add(name + ": " + message));
        assertThat(problems).containsExactly("layers: choices must be numbers, strings, booleans or lists of whole "
                + "numbers (the MLP's layers, e.g. [[64], [64, 32]])");
    }

    @Test
    void tpeLearnsWhichLayerChoiceScoresBest() {
        // Given: a score that only the second list of widths earns
        var space = SearchSpace.parse(Map.of("layers", Map.of("choices", List.of(List.of(8), List.of(32, 16)))),
                (name, message) -> {
                    throw new AssertionError(name + ": " + message);
                });
        var proposer = Proposer.of("tpe", space, 3, 30);
        var history = new ArrayList<Observation>();
        for (int n = 0; n < 30; n++) {
            var params = proposer.propose(n, List.copyOf(history));
            history.add(new Observation(n, params, params.get("layers").equals(List.of(32, 16)) ? 1.0 : 0.0));
        }
        // Then: after its random start-up trials, TPE keeps proposing the better one
        long better = history.subList(20, 30).stream().filter(o -> o.score() == 1.0).count();
        assertThat(better).isGreaterThanOrEqualTo(8);
    }
}
