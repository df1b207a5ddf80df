package dev.cairn.api.registry;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** @param version the version number the alias should point at */
record AliasTarget(@NotNull @Min(1) Integer version) {
}
