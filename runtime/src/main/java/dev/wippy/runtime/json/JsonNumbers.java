package dev.wippy.runtime.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The JSON text of Lua floats (spec 03 §3.8.1), laid out like JavaScript's {@code Number#toString}: the shortest
 * decimal that reads back as the same double, in exponent form only below 1e-6 or from 1e21 in magnitude.
 */
final class JsonNumbers {
    private static final double PLAIN_MIN = 1e-6;
    private static final double PLAIN_LIMIT = 1e21;
    private static final MathContext ONE_DIGIT = new MathContext(1, RoundingMode.HALF_EVEN);

    private JsonNumbers() {
    }

    /** The text of {@code d}, or null for NaN and the infinities, which JSON cannot express. */
    static String floatText(double d) {
        if (!Double.isFinite(d)) {
            return null;
        }
        // Integral floats look like integers so that 2.0 does not become 2.0 or 2e0 in someone else's parser.
        if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
            return Long.toString((long) d);
        }
        // Since JDK 19, Double.toString yields the shortest round-tripping digits; only the layout is ours.
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        // It never stops at one digit, though one may be enough: 5e-324 comes out as 4.9E-324.
        if (shortest.precision() == 2) {
            BigDecimal oneDigit = shortest.round(ONE_DIGIT);
            if (oneDigit.doubleValue() == d) {
                shortest = oneDigit;
            }
        }
        double magnitude = Math.abs(d);
        if (magnitude >= PLAIN_MIN && magnitude < PLAIN_LIMIT) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder text = new StringBuilder();
        if (d < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        return text.append(exponent < 0 ? "e-" : "e+").append(Math.abs(exponent)).toString();
    }
}
