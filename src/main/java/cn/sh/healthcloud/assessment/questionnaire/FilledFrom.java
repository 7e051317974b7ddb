package cn.sh.healthcloud.assessment.questionnaire;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an input can be filled from instead of asking the resident: what we know of the person
 * (age and sex from the ID card) or what a kiosk measured. Items without one are answered by the
 * resident; items with one may still be answered by hand where nothing was measured.
 */
public enum FilledFrom {
    PERSON_AGE("person.age"),
    PERSON_SEX("person.sex"),
    SYSTOLIC("measurement.blood-pressure.systolic"),
    WAIST("measurement.waist-hip.waistCm"),
    BMI("measurement.bmi");

    private final String id;

    FilledFrom(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<FilledFrom> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
