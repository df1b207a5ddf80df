package dev.cairn.store.csv;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The one definition of "this cell is a number", shared by schema inference, cleaning and the
 * featurizer so that they never disagree. Plain decimal notation with an optional exponent, after
 * stripping whitespace: {@code 12}, {@code -0.5}, {@code .5}, {@code 1e-3}. Not numbers here, though
 * {@link Double#parseDouble} would take some of them: {@code NaN}, {@code Infinity}, {@code 1d},
 * {@code 0x1p3}, {@code 1,5}, {@code 10.000-15.000}, and values too large for a double.
 */
public final class NumericCells {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private NumericCells() {
    }

    /** The cell's value, or empty when it is not a finite decimal number. */
    public static OptionalDouble parse(String cell) {
        if (cell == null) {
            return OptionalDouble.empty();
        }
        String stripped = cell.strip();
        if (!DECIMAL.matcher(stripped).matches()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(stripped);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
