package dev.cairn.api.tracking;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record TagValue(@NotNull @Size(max = Run.MAX_VALUE_LENGTH) String value) {
}
