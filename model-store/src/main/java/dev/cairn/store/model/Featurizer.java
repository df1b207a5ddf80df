package dev.cairn.store.model;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.csv.NumericCells;
import dev.cairn.store.text.TextVectorizer;
import dev.cairn.store.text.TextVocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Turns a raw row into the features a Tribuo model sees (classification or regression alike). The train step and every server that
 * answers for the model use this one class, built from the manifest, so training and serving
 * cannot drift apart:
 * <ul>
 * <li>a missing cell (null, absent, or one of the missing tokens) takes the column's imputed value;
 * without one the row is refused;</li>
 * <li>a numeric column {@code c} gives feature {@code c} = the value, clipped to the column's
 * bounds when it has them;</li>
 * <li>a categorical column {@code c} holding {@code v} gives feature {@code c@v} = 1 (one-hot); a
 * category unseen in training gives a feature the model does not know and ignores;</li>
 * <li>a text column {@code c} gives the weighted term features of its fitted {@link TextVectorizer}
 * ({@code c#term}); a missing text is a document without words; a text column without a vectorizer is not
 * read.</li>
 * </ul>
 * Categorical values are taken exactly as given (no trimming, case kept). Immutable and thread-safe.
 */
public final class Featurizer {

    /** Separates column and category in one-hot feature names: {@code colour@red}. */
    public static final String ONE_HOT_SEPARATOR = "@";

    private record Column(String name, ColumnType type, ColumnTransform transform, TextVectorizer text) {
    }

    /** The positions of the columns in one CSV header; cached because every row of a file shares it. */
    private record HeaderPositions(List<String> header, int[] positions) {
    }

    private final List<Column> columns;
    private final MissingTokens missing;
    private final boolean readsText;
    private volatile HeaderPositions lastHeader;

    private Featurizer(List<Column> columns, MissingTokens missing) {
        this.columns = columns;
        this.missing = missing;
        this.readsText = columns.stream().anyMatch(c -> c.text() != null);
    }

    /**
     * The featurizer a model package without text columns was trained with.
     *
     * @throws IllegalArgumentException if the model reads text: use {@link #of(ModelManifest, List)}
     */
    public static Featurizer of(ModelManifest manifest) {
        return of(manifest, List.of());
    }

    /** The featurizer a model package was trained with, given its stored text vocabularies. */
    public static Featurizer of(ModelManifest manifest, List<TextVocabulary> vocabularies) {
        return of(manifest.inputSignature(), manifest.preprocessing(), MissingTokens.of(manifest.missingTokens()),
                vocabularies.stream().map(TextVectorizer::of).toList());
    }

    /** Without text columns. */
    public static Featurizer of(List<InputFeature> inputSignature, List<ColumnTransform> preprocessing,
            MissingTokens missing) {
        return of(inputSignature, preprocessing, missing, List.of());
    }

    /**
     * @param preprocessing what the clean step learned per column; a column without an entry is
     *        neither imputed nor clipped
     * @param text the fitted vectorizer of each text column the model reads; a text column of the signature
     *        without one is not read (models from before text features listed such columns)
     * @throws IllegalArgumentException if a column's features could collide with another's
     */
    public static Featurizer of(List<InputFeature> inputSignature, List<ColumnTransform> preprocessing,
            MissingTokens missing, List<TextVectorizer> text) {
        Map<String, ColumnTransform> transforms = new HashMap<>();
        for (ColumnTransform t : preprocessing == null ? List.<ColumnTransform>of() : preprocessing) {
            transforms.put(t.name(), t);
        }
        Map<String, TextVectorizer> vectorizers = new HashMap<>();
        text.forEach(v -> vectorizers.put(v.column(), v));
        List<Column> columns = new ArrayList<>();
        for (InputFeature input : inputSignature) {
            TextVectorizer vectorizer = vectorizers.get(input.name());
            if (input.type() != ColumnType.TEXT || vectorizer != null) {
                columns.add(new Column(input.name(), input.type(), transforms.get(input.name()), vectorizer));
            }
        }
        requireDistinctFeatureNames(columns);
        return new Featurizer(List.copyOf(columns), missing);
    }

    /** The raw columns read, in signature order (text columns without a vectorizer left out). */
    public List<String> columns() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * An unlabelled example, for prediction; an absent or null cell counts as missing (so a caller
     * that must catch misspelt column names checks the keys against {@link #columns()} first).
     */
    public Example<Label> example(Map<String, String> row) {
        return example(row, LabelFactory.UNKNOWN_LABEL);
    }

    /**
     * An example with the given output (a label, a regression value, or an "unknown" output for
     * prediction), for training and evaluation; an absent or null cell counts as missing.
     */
    public <T extends Output<T>> Example<T> example(Map<String, String> row, T output) {
        return build(i -> row.get(columns.get(i).name()), output);
    }

    /**
     * A labelled example from a CSV row; the header must hold every column read (extra ones, such as
     * the target, are skipped).
     */
    public <T extends Output<T>> Example<T> example(List<String> header, String[] cells, T output) {
        int[] positions = positionsIn(header);
        return build(i -> cells[positions[i]], output);
    }

    private <T extends Output<T>> Example<T> build(IntFunction<String> cellOf, T output) {
        if (readsText) {
            return buildWithText(cellOf, output);
        }
        String[] names = new String[columns.size()];
        double[] values = new double[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String cell = cellOf.apply(i);
            if (column.type() == ColumnType.NUMERIC) {
                names[i] = column.name();
                values[i] = numeric(column, cell);
            } else {
                names[i] = column.name() + ONE_HOT_SEPARATOR + category(column, cell);
                values[i] = 1.0;
            }
        }
        return new ArrayExample<>(output, names, values);
    }

    /** As {@link #build}, when a text column makes the number of features depend on the row. */
    private <T extends Output<T>> Example<T> buildWithText(IntFunction<String> cellOf, T output) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String cell = cellOf.apply(i);
            switch (column.type()) {
                case NUMERIC -> {
                    names.add(column.name());
                    values.add(numeric(column, cell));
                }
                case CATEGORICAL -> {
                    names.add(column.name() + ONE_HOT_SEPARATOR + category(column, cell));
                    values.add(1.0);
                }
                case TEXT -> column.text().features(missing.isMissing(cell) ? null : cell).forEach((name, value) -> {
                    names.add(name);
                    values.add(value);
                });
            }
        }
        return new ArrayExample<>(output, names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private double numeric(Column column, String cell) {
        ColumnTransform t = column.transform();
        double value;
        if (missing.isMissing(cell)) {
            if (t == null || t.imputeNumber() == null) {
                throw unimputable(column);
            }
            value = t.imputeNumber();
        } else {
            OptionalDouble parsed = NumericCells.parse(cell);
            if (parsed.isEmpty()) {
                throw new InvalidRowException(column.name(),
                        "column '" + column.name() + "' holds '" + abbreviate(cell) + "', which is not a number");
            }
            value = parsed.getAsDouble();
        }
        if (t != null && t.clipLow() != null) {
            value = Math.max(value, t.clipLow());
        }
        if (t != null && t.clipHigh() != null) {
            value = Math.min(value, t.clipHigh());
        }
        return value;
    }

    private String category(Column column, String cell) {
        if (!missing.isMissing(cell)) {
            return cell;
        }
        ColumnTransform t = column.transform();
        if (t == null || t.imputeCategory() == null) {
            throw unimputable(column);
        }
        return t.imputeCategory();
    }

    /** Values end up in API answers and task reasons: keep a pasted paragraph from swamping them. */
    private static String abbreviate(String cell) {
        return cell.length() <= 60 ? cell : cell.substring(0, 57) + "...";
    }

    private static InvalidRowException unimputable(Column column) {
        return new InvalidRowException(column.name(), "column '" + column.name()
                + "' is missing and the model has no value to impute for it (training dropped such rows)");
    }

    private int[] positionsIn(List<String> header) {
        HeaderPositions cached = lastHeader;
        if (cached != null && cached.header() == header) {
            return cached.positions();
        }
        int[] positions = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            positions[i] = header.indexOf(columns.get(i).name());
            if (positions[i] < 0) {
                throw new InvalidRowException(columns.get(i).name(),
                        "the data has no column '" + columns.get(i).name() + "', which the model reads");
            }
        }
        lastHeader = new HeaderPositions(header, positions);
        return positions;
    }

    /**
     * Numeric column {@code a@b} and categorical column {@code a} holding {@code b} would both be
     * feature {@code a@b} (likewise categorical {@code a@b} holding {@code c} and {@code a} holding
     * {@code b@c}); refuse the signature rather than let two columns share a weight.
     */
    private static void requireDistinctFeatureNames(List<Column> columns) {
        List<String> categorical = columns.stream()
                .filter(c -> c.type() == ColumnType.CATEGORICAL).map(Column::name).toList();
        List<String> text = columns.stream().filter(c -> c.type() == ColumnType.TEXT).map(Column::name).toList();
        for (Column c : columns) {
            for (String prefix : categorical) {
                if (c.name().startsWith(prefix + ONE_HOT_SEPARATOR)) {
                    throw new IllegalArgumentException("column '" + c.name()
                            + "' could be confused with a category of column '" + prefix + "'; rename one of them");
                }
            }
            for (String prefix : text) {
                if (!c.name().equals(prefix) && c.name().startsWith(prefix + TextVectorizer.SEPARATOR)) {
                    throw new IllegalArgumentException("column '" + c.name()
                            + "' could be confused with a term of text column '" + prefix + "'; rename one of them");
                }
            }
        }
    }
}
