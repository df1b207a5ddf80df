package dev.cairn.monitoring.window;

/**
 * Reads the numbers prediction events carry as text ({@code "1750"}, {@code "-0.25"}) about four times faster than
 * {@link Double#parseDouble}, which dominated the cost per event. Fast path: an optional sign, at most 15 digits and
 * one optional decimal point give an integer mantissa m below 2^53 and a scale k ≤ 15, so m and 10^k are exact doubles
 * and the single division m / 10^k is correctly rounded: the very double {@code parseDouble} returns. Anything else
 * (exponents, more digits, {@code Infinity}, spaces) goes to {@code parseDouble}.
 */
final class DecimalText {

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15};

    private DecimalText() {
    }

    /** The number, or NaN when the text is not one (NaN and infinities included: they are no feature value). */
    static double parse(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return slow(s);
            }
        }
        if (digits == 0 || digits > 15) {
            return slow(s);
        }
        double value = scale <= 0 ? mantissa : mantissa / POWERS_OF_TEN[scale];
        return negative ? -value : value;
    }

    private static double slow(String s) {
        try {
            double value = Double.parseDouble(s);
            return Double.isInfinite(value) ? Double.NaN : value;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
