package dev.cairn.contracts;

/** One immutable version of a registered dataset, as a task names it. */
public record DatasetRef(String name, int version, String sha256, DatasetSchema schema) {
}
