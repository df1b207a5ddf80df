package dev.cairn.worker.split;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.worker.task.StepFailure;
import org.junit.jupiter.api.Test;

class SplitOptionsTest {

    @Test
    void rejectsATestFractionOutsideZeroToOne() {
        // When / Then
        assertThatThrownBy(() -> new SplitOptions(1.5, 0.0, true, 1))
                .isInstanceOf(StepFailure.class)
                .hasMessage("split.test must be a fraction between 0 and 1 (exclusive), got 1.5");
    }

    @Test
    void rejectsFractionsThatLeaveNothingToTrainOn() {
        // When / Then
        assertThatThrownBy(() -> new SplitOptions(0.6, 0.4, true, 1))
                .isInstanceOf(StepFailure.class)
                .hasMessage("split.test + split.validation must leave rows to train on, got 0.6 + 0.4");
    }

    @Test
    void rejectsANegativeValidationFraction() {
        // When / Then
        assertThatThrownBy(() -> new SplitOptions(0.2, -0.1, true, 1))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("split.validation");
    }
}
