package dev.cairn.worker.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.worker.task.StepFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositiveClassTest {

    @Test
    void takesTheRarerClassInTheTestSetByDefault() {
        // Given
        var actual = List.of("No", "No", "Yes", "No");
        // When
        var positive = PositiveClass.choose(null, List.of("No", "Yes"), actual);
        // Then
        assertThat(positive).isEqualTo("Yes");
    }

    @Test
    void breaksATieWithTheLabelThatSortsLast() {
        // Given
        var actual = List.of("1", "0");
        // When
        var positive = PositiveClass.choose(null, List.of("0", "1"), actual);
        // Then
        assertThat(positive).isEqualTo("1");
    }

    @Test
    void takesTheSpecsChoiceEvenWhenItIsTheCommonerClass() {
        // Given
        var actual = List.of("No", "No", "Yes");
        // When
        var positive = PositiveClass.choose("No", List.of("No", "Yes"), actual);
        // Then
        assertThat(positive).isEqualTo("No");
    }

    @Test
    void rejectsAPositiveClassTheModelDoesNotKnow() {
        // Given
        var labels = List.of("No", "Yes");
        // When / Then
        assertThatThrownBy(() -> PositiveClass.choose("yes", labels, List.of("No")))
                .isInstanceOf(StepFailure.class)
                .hasMessage("positive class 'yes' is not a label of the model; labels: No, Yes");
    }
}
