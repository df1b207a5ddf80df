package dev.cairn.worker.clean;

import java.math.BigDecimal;

/** Writing numeric cells back as text; reading them is {@link dev.cairn.store.csv.NumericCells}'s job. */
final class NumericCell {

    private NumericCell() {
    }

    /** Shortest text that reads back as the same double, without exponent or trailing zeros: 3.0 → "3", 0.1 → "0.1". */
    static String format(double value) {
        if (value == 0) {
            return "0"; // also -0.0, which would otherwise print as "-0"
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
