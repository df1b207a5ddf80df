package dev.cairn.contracts;

/**
 * One column of a dataset version as inferred at upload.
 *
 * @param distinct distinct non-missing values, counted up to a cap (see {@code distinctCapped})
 */
public record ColumnSchema(String name, ColumnType type, long missing, long distinct, boolean distinctCapped) {
}
