package dev.cairn.deploy.inference;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * JSON scalars to the text cells the featurizer reads, the way they would appear in a CSV file: the model was
 * trained on CSV cells, and a number must parse the same way whichever API it came through.
 */
public final class Cells {

    private Cells() {
    }

    /**
     * @param value a scalar as Jackson reads it (String, Integer, Long, BigInteger, Double, BigDecimal, Boolean) or
     *        null (missing)
     * @throws InvalidRequestException for arrays and objects
     */
    public static String text(String column, Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Double d) {
            return decimal(column, d);
        }
        if (value instanceof Float f) {
            return decimal(column, f.doubleValue());
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            throw new InvalidRequestException("feature '" + column + "' must be a single value, not "
                    + (value instanceof List<?> ? "an array" : "an object"));
        }
        return value.toString();
    }

    /** Plain decimal notation: the CSV reader does not take exponents ({@code 1.0E7}), NaN or infinities. */
    private static String decimal(String column, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new InvalidRequestException("feature '" + column + "' is " + d + ", which is not a number the "
                    + "model can read; send null for a missing value");
        }
        String text = Double.toString(d);
        return text.indexOf('E') < 0 ? text : BigDecimal.valueOf(d).toPlainString();
    }
}
