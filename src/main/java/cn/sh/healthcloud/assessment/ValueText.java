package cn.sh.healthcloud.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as a printout shows them: counts and centimetres without trailing zeros ("90 cm"),
 * glucose, BMI and temperature with the decimals their guidelines write ("7.0 mmol/L", "24.0").
 */
final class ValueText {

    private ValueText() {
    }

    static String of(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String fixed(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** Rounded half-up to {@code decimals} places, so the value printed is the value judged. */
    static double rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
