package cn.sh.healthcloud.assessment.stratification;

import java.time.LocalDate;
import java.util.Objects;

/** One blood-pressure reading of recent weeks, by its Shanghai day, for the repeated-readings rule. */
public record BloodPressureReading(LocalDate day, double systolic, double diastolic) {

    public BloodPressureReading {
        Objects.requireNonNull(day, "day");
    }
}
