package dev.cairn.worker.clean;

import java.util.Arrays;
import java.util.Objects;

/**
 * One data row as the clean step works on it: the label, then the numeric, categorical and text feature
 * cells in {@link ColumnRoles} order. A null cell is missing; imputation and clipping write in place. A
 * text is never missing: a missing one is an empty text, a document without words. Equality is by
 * content, which is what makes two rows duplicates.
 */
record Row(String label, Double[] numbers, String[] categories, String[] texts) {

    Row(String label, Double[] numbers, String[] categories) {
        this(label, numbers, categories, new String[0]);
    }

    boolean hasMissing() {
        return Arrays.asList(numbers).contains(null) || Arrays.asList(categories).contains(null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && label.equals(row.label) && Arrays.equals(numbers, row.numbers)
                && Arrays.equals(categories, row.categories) && Arrays.equals(texts, row.texts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, Arrays.hashCode(numbers), Arrays.hashCode(categories), Arrays.hashCode(texts));
    }

    @Override
    public String toString() {
        return label + " " + Arrays.toString(numbers) + " " + Arrays.toString(categories) + " "
                + Arrays.toString(texts);
    }
}
