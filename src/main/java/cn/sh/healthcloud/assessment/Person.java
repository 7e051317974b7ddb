package cn.sh.healthcloud.assessment;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Who was measured, as far as known (anonymous kiosk users: both empty). */
public record Person(Optional<Sex> sex, OptionalInt ageYears) {

    public Person {
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(ageYears, "ageYears");
        if (ageYears.isPresent() && ageYears.getAsInt() < 0) {
            throw new IllegalArgumentException("ageYears must not be negative");
        }
    }

    public static Person unknown() {
        return new Person(Optional.empty(), OptionalInt.empty());
    }

    public static Person of(Sex sex, int ageYears) {
        return new Person(Optional.of(sex), OptionalInt.of(ageYears));
    }

    /**
     * Only a known age makes someone a child: anonymous kiosk users are judged by the adult
     * rules, as the huts serve adults.
     */
    public boolean isKnownYoungerThan(int years) {
        return ageYears.isPresent() && ageYears.getAsInt() < years;
    }
}
