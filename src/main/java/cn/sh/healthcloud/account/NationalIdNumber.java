package cn.sh.healthcloud.account;

import cn.sh.healthcloud.directory.ShanghaiDistrict;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A resident identity card number (居民身份证号, GB 11643-1999): six digits of the issuing region,
 * the birth date as yyyyMMdd, a three-digit sequence whose parity is the holder's sex, and an
 * ISO 7064 MOD 11-2 check character (0–9 or X).
 *
 * <p>The number is personal data: {@link #toString()} is masked, so it cannot reach a log by accident.
 */
public final class NationalIdNumber {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
    /** Nobody living was born before this; a date before it is a typo. */
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final String value;
    private final LocalDate birthDate;
    private final Sex sex;

    private NationalIdNumber(String value, LocalDate birthDate, Sex sex) {
        this.value = value;
        this.birthDate = birthDate;
        this.sex = sex;
    }

    public enum Sex {
        FEMALE,
        MALE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Parses and validates a number as typed or read from a card: spaces ignored, a lower-case x
     * accepted. {@code today} bounds the birth date (no one is born in the future).
     */
    public static NationalIdNumber parse(String text, LocalDate today) throws InvalidIdentifierException {
        if (text == null) {
            throw new InvalidIdentifierException("is missing");
        }
        String value = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw new InvalidIdentifierException("must have 18 characters");
        }
        for (int i = 0; i < 17; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new InvalidIdentifierException("must be 17 digits followed by a digit or X");
            }
        }
        char last = value.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new InvalidIdentifierException("must be 17 digits followed by a digit or X");
        }
        if (value.charAt(0) < '1' || value.charAt(0) > '9') {
            throw new InvalidIdentifierException("does not start with a valid region code");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidIdentifierException("does not contain a valid birth date");
        }
        if (birthDate.isBefore(EARLIEST_BIRTH) || birthDate.isAfter(today)) {
            throw new InvalidIdentifierException("does not contain a plausible birth date");
        }
        if (checkCharacter(value) != last) {
            throw new InvalidIdentifierException("has a wrong check digit (typed wrongly?)");
        }
        Sex sex = (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new NationalIdNumber(value, birthDate, sex);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The normalised number: only for encryption and the lookup hash, never for display or logs. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    /** Shanghai's district when the number was issued there (codes 3101xx); residents from elsewhere have none. */
    public Optional<ShanghaiDistrict> issuingDistrict() {
        return ShanghaiDistrict.byCode(value.substring(0, 6));
    }

    /** First four and last four characters, e.g. {@code 3101**********123X}. */
    public String masked() {
        return Masking.keepEnds(value, 4, 4);
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NationalIdNumber id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
