package dev.cairn.contracts;

/** How a column is read: numbers, a small set of labels, or free text. */
public enum ColumnType {
    NUMERIC, CATEGORICAL, TEXT
}
