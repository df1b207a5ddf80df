package dev.cairn.api.registry;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of an alias move (public: the UI moves aliases through the same resource). @param version the version number the alias should point at */
public record AliasTarget(@NotNull @Min(1) Integer version) {
}
