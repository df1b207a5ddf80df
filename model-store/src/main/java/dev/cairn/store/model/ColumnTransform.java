package dev.cairn.store.model;

import dev.cairn.contracts.ColumnType;

/**
 * What the clean step learned about one feature column and what serving must repeat.
 *
 * @param imputeNumber the value a missing numeric cell takes (null: rows with missing values were dropped)
 * @param imputeCategory the value a missing categorical cell takes (null: as above)
 * @param clipLow numeric values below are raised to it (null: no clipping)
 * @param clipHigh numeric values above are lowered to it (null: no clipping)
 */
public record ColumnTransform(String name, ColumnType type, Double imputeNumber, String imputeCategory,
        Double clipLow, Double clipHigh) {
}
