package cn.sh.healthcloud.assessment.exercise;

import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.Optional;

/**
 * The age- and sex-specific score tables of the national physical fitness standard (国民体质测定
 * 标准) for the five fitness tests of the smart health huts, as data. None ships yet: the tables
 * are not in the repository and must not be written from memory, so {@link #none()} is what the
 * service uses until real tables are added (for instance as a {@link FitnessNormTable} read from
 * a data file). Implementations must be immutable and thread-safe.
 */
@FunctionalInterface
public interface FitnessNorms {

    /**
     * The grade of {@code value} (in the unit of the test's measurement: mL, kg, cm, ms, s) for a
     * person of this sex and age; empty when no table covers this test, sex and age.
     */
    Optional<Grade> grade(MeasurementType test, Sex sex, int ageYears, double value);

    /** No table at all: every test is "not graded". */
    static FitnessNorms none() {
        return (test, sex, ageYears, value) -> Optional.empty();
    }
}
