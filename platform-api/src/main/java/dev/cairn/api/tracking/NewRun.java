package dev.cairn.api.tracking;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** @param source what started the run, e.g. a CI build URL or a pipeline run id */
record NewRun(@Size(max = 250) String name, @Size(max = 255) String source,
        @Size(max = 100) Map<@NotNull @Pattern(regexp = Run.KEY_PATTERN) String,
                @NotNull @Size(max = Run.MAX_VALUE_LENGTH) String> tags) {

    Map<String, String> tagsOrEmpty() {
        return tags == null ? Map.of() : tags;
    }
}
