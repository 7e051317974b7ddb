package cn.sh.healthcloud.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Measurements for the tests, read through the real reader so that only valid ones reach the rules. */
public final class Readings {

    public static final Person ADULT_MAN = Person.of(Sex.MALE, 45);
    public static final Person ADULT_WOMAN = Person.of(Sex.FEMALE, 45);
    public static final Person CHILD = Person.of(Sex.MALE, 12);

    private Readings() {
    }

    public static Measurement read(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        MeasurementReader.Result result = MeasurementReader.read(json);
        assertThat(result.problems()).as("test reading %s", json).isEmpty();
        return result.measurement();
    }

    public static Measurement bp(double systolic, double diastolic) {
        return read("type", "blood-pressure", "systolic", systolic, "diastolic", diastolic);
    }

    public static Measurement bp(double systolic, double diastolic, double pulse) {
        return read("type", "blood-pressure", "systolic", systolic, "diastolic", diastolic, "pulse", pulse);
    }

    public static Measurement glucose(double value, String context) {
        return read("type", "glucose", "value", value, "context", context);
    }

    /** At 200 cm the BMI is a quarter of the weight, which makes exact boundary values easy to write. */
    public static Measurement bmi(double bmi) {
        return read("type", "height-weight", "heightCm", 200.0, "weightKg", bmi * 4);
    }

    public static Measurement waist(double waistCm) {
        return read("type", "waist-hip", "waistCm", waistCm);
    }

    public static Measurement waistHip(double waistCm, double hipCm) {
        return read("type", "waist-hip", "waistCm", waistCm, "hipCm", hipCm);
    }

    public static Measurement bodyFat(double percent) {
        return read("type", "body-composition", "weightKg", 70.0, "bodyFatPercent", percent);
    }

    public static Measurement ecg(double heartRate, String rhythm) {
        return read("type", "ecg", "heartRate", heartRate, "rhythm", rhythm);
    }

    public static Measurement spo2(double percent) {
        return read("type", "spo2", "percent", percent);
    }

    public static Measurement temperature(double celsius) {
        return read("type", "temperature", "celsius", celsius);
    }

    /** The one finding a rule gave. */
    static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }
}
