package cn.sh.healthcloud.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A medical-insurance card number (医保卡号). Card formats differ by issuer and generation, so only
 * the shape is checked: 8 to 20 letters and digits. Masked in {@link #toString()} like any identifier.
 */
public record InsuranceCardNumber(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]{8,20}");

    public static InsuranceCardNumber parse(String text) throws InvalidIdentifierException {
        String value = text == null ? "" : text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidIdentifierException("must be 8 to 20 letters and digits");
        }
        return new InsuranceCardNumber(value);
    }

    public String masked() {
        return Masking.keepEnds(value, 2, 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
