package dev.cairn.worker.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.contracts.PipelineSpec;
import dev.cairn.worker.task.StepFailure;
import org.junit.jupiter.api.Test;

class CleanOptionsTest {

    @Test
    void readsTheSpecsNames() {
        // Given
        var step = new PipelineSpec.CleanStep("impute-mean", "keep", "clip-iqr");
        // When
        var options = CleanOptions.of(step);
        // Then
        assertThat(options).isEqualTo(new CleanOptions(MissingPolicy.IMPUTE_MEAN, false, true));
    }

    @Test
    void fillsThePlatformDefaultsForMissingFields() {
        // Given
        var step = new PipelineSpec.CleanStep(null, null, null);
        // When
        var options = CleanOptions.of(step);
        // Then
        assertThat(options).isEqualTo(new CleanOptions(MissingPolicy.IMPUTE_MEDIAN, true, false));
    }

    @Test
    void rejectsAnUnknownMissingPolicyListingTheKnownOnes() {
        // Given
        var step = new PipelineSpec.CleanStep("impute-avg", null, null);
        // When / Then
        assertThatThrownBy(() -> CleanOptions.of(step))
                .isInstanceOf(StepFailure.class)
                .hasMessage("unknown clean.missing 'impute-avg'; known: drop, impute-mean, impute-median, impute-mode");
    }

    @Test
    void rejectsAnUnknownOutlierPolicy() {
        // Given
        var step = new PipelineSpec.CleanStep(null, null, "winsorize");
        // When / Then
        assertThatThrownBy(() -> CleanOptions.of(step))
                .isInstanceOf(StepFailure.class)
                .hasMessage("unknown clean.outliers 'winsorize'; known: none, clip-iqr");
    }
}
