package dev.cairn.store.model;

import dev.cairn.contracts.ColumnType;
import java.util.List;

/** One raw input column of a model; {@code categories} lists the values seen in training (categorical only). */
public record InputFeature(String name, ColumnType type, List<String> categories) {
}
