package cn.sh.healthcloud.measurement;

import static cn.sh.healthcloud.measurement.Component.code;
import static cn.sh.healthcloud.measurement.Component.number;
import static cn.sh.healthcloud.measurement.Component.optionalNumber;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The measurement types of kiosks and home devices, with their fields, units, LOINC codes and
 * plausible ranges (../shared/reference/vital-signs.md). The ids are the MQTT and HTTP contract.
 */
public enum MeasurementType {
    BLOOD_PRESSURE("blood-pressure", "85354-9",
            number("systolic", "mmHg", "8480-6", 50, 300),
            number("diastolic", "mmHg", "8462-4", 20, 200),
            optionalNumber("pulse", "/min", "8867-4", 20, 250)),
    GLUCOSE("glucose", "14743-9",
            number("value", "mmol/L", "14743-9", 0.5, 40),
            code("context", List.of("fasting", "random", "postprandial-2h"))),
    BODY_COMPOSITION("body-composition", null,
            number("weightKg", "kg", "29463-7", 2, 300),
            optionalNumber("bodyFatPercent", "%", "41982-0", 2, 75),
            optionalNumber("heightCm", "cm", "8302-2", 40, 250),
            optionalNumber("muscleKg", "kg", null, 1, 200),
            optionalNumber("bodyWaterPercent", "%", null, 10, 90),
            optionalNumber("visceralFat", "level", null, 1, 60),
            optionalNumber("bmrKcal", "kcal/d", null, 300, 6000)),
    HEIGHT_WEIGHT("height-weight", null,
            number("heightCm", "cm", "8302-2", 40, 250),
            number("weightKg", "kg", "29463-7", 2, 300)),
    WAIST_HIP("waist-hip", null,
            number("waistCm", "cm", "8280-0", 30, 250),
            optionalNumber("hipCm", "cm", null, 30, 250)),
    ECG("ecg", null,
            number("heartRate", "/min", "8867-4", 20, 300),
            code("rhythm", List.of("sinus", "af-suspected", "other")),
            optionalNumber("durationSeconds", "s", null, 1, 3600)),
    SPO2("spo2", "59408-5", number("percent", "%", "59408-5", 50, 100)),
    TEMPERATURE("temperature", "8310-5", number("celsius", "Cel", "8310-5", 30, 45)),
    VITAL_CAPACITY("vital-capacity", null, number("millilitres", "mL", null, 300, 9000)),
    GRIP_STRENGTH("grip-strength", null, number("kg", "kg", null, 1, 100)),
    SIT_AND_REACH("sit-and-reach", null, number("cm", "cm", null, -40, 50)),
    REACTION_TIME("reaction-time", null, number("ms", "ms", null, 150, 3000)),
    SINGLE_LEG_STAND("single-leg-stand", null, number("seconds", "s", null, 0, 600));

    private final String id;
    private final String loinc;
    private final List<Component> components;

    MeasurementType(String id, String loinc, Component... components) {
        this.id = id;
        this.loinc = loinc;
        this.components = List.of(components);
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The code of the whole measurement (a panel for blood pressure), if LOINC has one. */
    public Optional<String> loinc() {
        return Optional.ofNullable(loinc);
    }

    public List<Component> components() {
        return components;
    }

    public Optional<Component> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public static Optional<MeasurementType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
