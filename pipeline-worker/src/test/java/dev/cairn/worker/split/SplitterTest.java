package dev.cairn.worker.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.worker.task.StepFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitterTest {

    private static List<String> labels(int no, int yes) {
        var labels = new ArrayList<String>(Collections.nCopies(no, "No"));
        labels.addAll(Collections.nCopies(yes, "Yes"));
        return labels;
    }

    @Test
    void givesTheSameSplitForTheSameSeed() {
        // Given
        var labels = labels(70, 30);
        var options = new SplitOptions(0.2, 0.1, true, 7);
        // When
        var first = Splitter.split(labels, options);
        var second = Splitter.split(labels, options);
        // Then
        assertThat(second).isEqualTo(first);
    }

    @Test
    void givesAnotherSplitForAnotherSeed() {
        // Given
        var labels = labels(70, 30);
        // When
        var other = Splitter.split(labels, new SplitOptions(0.2, 0.0, true, 8));
        // Then
        assertThat(other.test()).isNotEqualTo(Splitter.split(labels, new SplitOptions(0.2, 0.0, true, 7)).test());
    }

    @Test
    void stratifiesSoEachPartKeepsTheClassProportions() {
        // Given
        // No: 80 rows → test round(16.0) = 16, validation round(8.0) = 8, train 56
        // Yes: 20 rows → test 4, validation 2, train 14
        var labels = labels(80, 20);
        // When
        var split = Splitter.split(labels, new SplitOptions(0.2, 0.1, true, 42));
        // Then
        assertThat(split.classCounts(labels)).isEqualTo(Map.of(
                "train", Map.of("No", 56L, "Yes", 14L),
                "validation", Map.of("No", 8L, "Yes", 2L),
                "test", Map.of("No", 16L, "Yes", 4L)));
    }

    @Test
    void sendsOneRowOfAClassWithTwoRowsToTest() {
        // Given: round(2 * 0.2) = 0, but a class with 2 rows must reach test as well as train
        var labels = labels(8, 2);
        // When
        var split = Splitter.split(labels, new SplitOptions(0.2, 0.0, true, 1));
        // Then
        assertThat(split.classCounts(labels).get("test")).containsEntry("Yes", 1L).containsEntry("No", 2L);
        assertThat(split.classCounts(labels).get("train")).containsEntry("Yes", 1L).containsEntry("No", 6L);
    }

    @Test
    void keepsAClassWithOneRowInTrain() {
        // Given
        var labels = labels(9, 1);
        // When
        var split = Splitter.split(labels, new SplitOptions(0.5, 0.0, true, 1));
        // Then
        assertThat(split.classCounts(labels).get("train")).containsEntry("Yes", 1L);
        assertThat(split.classCounts(labels).get("test")).doesNotContainKey("Yes");
    }

    @Test
    void coversEveryRowExactlyOnceWithoutStratifying() {
        // Given: 10 rows, test round(3.0) = 3, validation round(2.0) = 2, train 5
        var labels = labels(5, 5);
        // When
        var split = Splitter.split(labels, new SplitOptions(0.3, 0.2, false, 3));
        // Then
        assertThat(split.test()).hasSize(3).isSorted();
        assertThat(split.validation()).hasSize(2);
        var all = new ArrayList<Integer>(split.train());
        all.addAll(split.validation());
        all.addAll(split.test());
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).boxed().toList());
    }

    @Test
    void keepsOneRowForTrainWhenFractionsWouldTakeThemAll() {
        // Given: n = 2, test round(1.0) = 1, validation round(0.8) = 1: validation gives its row back
        var options = new SplitOptions(0.5, 0.4, true, 1);
        // When
        int[] sizes = Splitter.sizes(2, options);
        // Then
        assertThat(sizes).containsExactly(1, 0);
    }

    @Test
    void givesValidationARowOnceAClassHasThree() {
        // Given: n = 3, test round(0.6) = 1, validation round(0.3) = 0 raised to 1, train 1
        var options = new SplitOptions(0.2, 0.1, true, 1);
        // When
        int[] sizes = Splitter.sizes(3, options);
        // Then
        assertThat(sizes).containsExactly(1, 1);
    }

    @Test
    void refusesToSplitASingleRow() {
        // Given
        var labels = List.of("No");
        var options = new SplitOptions(0.2, 0.0, true, 1);
        // When / Then
        assertThatThrownBy(() -> Splitter.split(labels, options))
                .isInstanceOf(StepFailure.class)
                .hasMessage("at least 2 rows are needed to split into train and test, got 1");
    }
}
