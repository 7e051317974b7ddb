package cn.sh.healthcloud.assessment;

import java.util.Objects;

/**
 * Every cut-off the assessment uses, in one place (../shared/reference/vital-signs.md). The
 * grade 3 / urgent blood pressure and the urgent glucose limits are the {@link UrgentThresholds}
 * that alert the family doctor, so the printout and the doctor's work list never disagree.
 *
 * @param adultAgeYears age from which the adult blood-pressure, heart-rate and body-size cut-offs apply
 */
public record AssessmentThresholds(int adultAgeYears, BloodPressure bloodPressure, Glucose glucose, Bmi bmi,
        BySex waistCm, BySex waistHipRatio, BySex bodyFatPercent, HeartRate heartRate,
        OxygenSaturation oxygenSaturation, Temperature temperature, UrgentThresholds urgent) {

    public AssessmentThresholds {
        if (adultAgeYears <= 0) {
            throw new IllegalArgumentException("adultAgeYears must be positive");
        }
        Objects.requireNonNull(bloodPressure, "bloodPressure");
        Objects.requireNonNull(glucose, "glucose");
        Objects.requireNonNull(bmi, "bmi");
        Objects.requireNonNull(waistCm, "waistCm");
        Objects.requireNonNull(waistHipRatio, "waistHipRatio");
        Objects.requireNonNull(bodyFatPercent, "bodyFatPercent");
        Objects.requireNonNull(heartRate, "heartRate");
        Objects.requireNonNull(oxygenSaturation, "oxygenSaturation");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(urgent, "urgent");
        ascending("grade 2 and urgent systolic", bloodPressure.grade2Systolic(), urgent.systolic());
        ascending("grade 2 and urgent diastolic", bloodPressure.grade2Diastolic(), urgent.diastolic());
        ascending("urgent low glucose and hypoglycaemia", urgent.glucoseLow(), glucose.hypoglycaemiaBelow());
    }

    /** The reference values of the national primary-care guidelines; hypertensive range from 140/90. */
    public static AssessmentThresholds reference() {
        return new AssessmentThresholds(18,
                new BloodPressure(120, 80, 140, 90, 160, 100),
                new Glucose(6.1, 7.0, 7.8, 11.1, 3.9),
                new Bmi(18.5, 24, 28),
                new BySex(90, 85),
                new BySex(0.90, 0.85),
                new BySex(25, 30),
                new HeartRate(50, 100),
                // Not in the reference: < 95 % and < 90 % are the cut-offs of common clinical practice.
                new OxygenSaturation(95, 90),
                new Temperature(37.3, 39.0),
                UrgentThresholds.reference());
    }

    /**
     * The same thresholds with the hypertensive range starting elsewhere: the 2022 clinical
     * practice guideline proposes 130/80 instead of 140/90. High-normal stays from 120/80 up to
     * the new cut-off; grades 2 and 3 stay where they are.
     */
    public AssessmentThresholds withHypertensionCutOffs(double systolic, double diastolic) {
        return new AssessmentThresholds(adultAgeYears, bloodPressure.withHypertensive(systolic, diastolic), glucose,
                bmi, waistCm, waistHipRatio, bodyFatPercent, heartRate, oxygenSaturation, temperature, urgent);
    }

    /** The same thresholds with the configured urgent limits (those the doctor alerts use). */
    public AssessmentThresholds withUrgent(UrgentThresholds limits) {
        return new AssessmentThresholds(adultAgeYears, bloodPressure, glucose, bmi, waistCm, waistHipRatio,
                bodyFatPercent, heartRate, oxygenSaturation, temperature, limits);
    }

    /**
     * Blood pressure in mmHg, each band starting at its systolic OR its diastolic value (the
     * worse of the two decides). Grade 3 starts at the urgent limits.
     */
    public record BloodPressure(double highNormalSystolic, double highNormalDiastolic, double hypertensiveSystolic,
            double hypertensiveDiastolic, double grade2Systolic, double grade2Diastolic) {

        public BloodPressure {
            ascending("systolic cut-offs", highNormalSystolic, hypertensiveSystolic, grade2Systolic);
            ascending("diastolic cut-offs", highNormalDiastolic, hypertensiveDiastolic, grade2Diastolic);
        }

        BloodPressure withHypertensive(double systolic, double diastolic) {
            return new BloodPressure(highNormalSystolic, highNormalDiastolic, systolic, diastolic, grade2Systolic,
                    grade2Diastolic);
        }
    }

    /**
     * Glucose in mmol/L. Fasting: impaired from {@code fastingImpaired}, diabetic range from
     * {@code fastingDiabetic}; random and 2-hour: impaired from {@code afterMealImpaired},
     * diabetic range from {@code afterMealDiabetic}; any context: hypoglycaemia below
     * {@code hypoglycaemiaBelow}.
     */
    public record Glucose(double fastingImpaired, double fastingDiabetic, double afterMealImpaired,
            double afterMealDiabetic, double hypoglycaemiaBelow) {

        public Glucose {
            ascending("fasting glucose cut-offs", hypoglycaemiaBelow, fastingImpaired, fastingDiabetic);
            ascending("after-meal glucose cut-offs", hypoglycaemiaBelow, afterMealImpaired, afterMealDiabetic);
        }
    }

    /** Chinese adult BMI bands, kg/m²: underweight below, overweight from, obese from. */
    public record Bmi(double underweightBelow, double overweightFrom, double obeseFrom) {

        public Bmi {
            ascending("BMI cut-offs", underweightBelow, overweightFrom, obeseFrom);
        }
    }

    /** A cut-off that differs between men and women. */
    public record BySex(double men, double women) {

        public double of(Sex sex) {
            return sex == Sex.MALE ? men : women;
        }
    }

    /** Resting heart rate, /min: too slow below {@code lowBelow}, too fast above {@code highAbove}. */
    public record HeartRate(double lowBelow, double highAbove) {

        public HeartRate {
            ascending("heart rate cut-offs", lowBelow, highAbove);
        }
    }

    /** SpO2 in %: low below {@code lowBelow}, very low below {@code veryLowBelow}. */
    public record OxygenSaturation(double lowBelow, double veryLowBelow) {

        public OxygenSaturation {
            ascending("SpO2 cut-offs", veryLowBelow, lowBelow);
        }
    }

    /** Body temperature in °C: fever from {@code feverFrom}, high fever from {@code highFeverFrom}. */
    public record Temperature(double feverFrom, double highFeverFrom) {

        public Temperature {
            ascending("temperature cut-offs", feverFrom, highFeverFrom);
        }
    }

    private static void ascending(String what, double... values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i - 1] > values[i]) {
                throw new IllegalArgumentException(what + " must not decrease");
            }
        }
    }
}
