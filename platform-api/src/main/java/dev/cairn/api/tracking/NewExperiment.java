package dev.cairn.api.tracking;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record NewExperiment(
        @NotNull @Pattern(regexp = Experiment.NAME_PATTERN, message = "must be " + Experiment.NAME_RULE) String name,
        @Size(max = 5000) String description) {
}
