package dev.cairn.store.profile;

import java.util.Map;

/**
 * One categorical column of the training data: how often each category occurred. Only the most frequent
 * {@link ReferenceProfiler#MAX_CATEGORIES} are named; the rest are summed in {@code other}, so a profile stays small
 * whatever the column holds.
 *
 * @param counts training rows per category (the most frequent ones)
 * @param other training rows whose category is not named in {@code counts}
 * @param missing training rows with a missing cell
 */
public record CategoricalReference(String name, Map<String, Long> counts, long other, long missing) {
}
