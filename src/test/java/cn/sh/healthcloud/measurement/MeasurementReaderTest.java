package cn.sh.healthcloud.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementReaderTest {

    @Test
    void readsTheKioskContractsBloodPressure() {
        MeasurementReader.Result result = MeasurementReader.read(
                Map.of("type", "blood-pressure", "systolic", 148, "diastolic", 92, "pulse", 78, "unit", "mmHg"));

        assertThat(result.isValid()).isTrue();
        assertThat(result.measurement().type()).isEqualTo(MeasurementType.BLOOD_PRESSURE);
        assertThat(result.measurement().numbers()).containsEntry("systolic", 148.0).containsEntry("pulse", 78.0);
    }

    @Test
    void rangeEdgesAreInclusive() {
        assertThat(read("type", "spo2", "percent", 50).isValid()).isTrue();
        assertThat(read("type", "spo2", "percent", 100).isValid()).isTrue();
        assertThat(read("type", "spo2", "percent", 49.9).problems())
                .containsExactly(new MeasurementReader.Problem("percent", "must be between 50 and 100 %"));
        assertThat(read("type", "sit-and-reach", "cm", -40).isValid()).isTrue();
        assertThat(read("type", "sit-and-reach", "cm", -40.5).isValid()).isFalse();
        assertThat(read("type", "glucose", "value", 0.5, "context", "fasting").isValid()).isTrue();
        assertThat(read("type", "glucose", "value", 40.1, "context", "fasting").isValid()).isFalse();
    }

    @Test
    void unitsAreCheckedAndConvertedToTheStoredOne() {
        assertThat(read("type", "glucose", "value", 126, "context", "fasting", "unit", "mg/dL").measurement().numbers())
                .containsEntry("value", 7.0);
        assertThat(read("type", "glucose", "value", 100, "context", "fasting", "unit", "mg/dL").measurement().numbers())
                .containsEntry("value", 5.6);
        assertThat(read("type", "blood-pressure", "systolic", 20, "diastolic", 12, "unit", "kPa").measurement().numbers())
                .containsEntry("systolic", 150.0).containsEntry("diastolic", 90.0);
        assertThat(read("type", "temperature", "celsius", 36.6, "unit", "Cel").isValid()).isTrue();
        assertThat(read("type", "grip-strength", "kg", 30, "unit", "kg").isValid()).isTrue();
        assertThat(read("type", "blood-pressure", "systolic", 120, "diastolic", 80, "unit", "mmol/L").problems())
                .containsExactly(new MeasurementReader.Problem("unit", "must be kPa or mmHg"));
        assertThat(read("type", "body-composition", "weightKg", 70, "unit", "kg").problems())
                .containsExactly(new MeasurementReader.Problem("unit",
                        "is not used by body-composition: each field has its own unit"));
        // Converted before the plausible range is applied: 800 mg/dL is 44.4 mmol/L.
        assertThat(read("type", "glucose", "value", 800, "context", "random", "unit", "mg/dL").problems())
                .containsExactly(new MeasurementReader.Problem("value", "must be between 0.5 and 40 mmol/L"));
    }

    @Test
    void systolicMustExceedDiastolic() {
        assertThat(read("type", "blood-pressure", "systolic", 90, "diastolic", 90).problems())
                .containsExactly(new MeasurementReader.Problem("systolic", "must be higher than diastolic"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        MeasurementReader.Result result = read("type", "glucose", "value", "high", "context", "after lunch", "mood", "ok");

        assertThat(result.problems()).extracting(MeasurementReader.Problem::field)
                .containsExactlyInAnyOrder("value", "context", "mood");
        assertThat(read("type", "blood-pressure").problems()).extracting(MeasurementReader.Problem::field)
                .containsExactly("systolic", "diastolic");
        assertThat(read("type", "x-ray").problems()).containsExactly(
                new MeasurementReader.Problem("type", "is not a known measurement type"));
        assertThat(read("systolic", 120).problems()).containsExactly(new MeasurementReader.Problem("type", "is required"));
    }

    @Test
    void bmiAndWaistHipRatioAreDerived() {
        assertThat(read("type", "height-weight", "heightCm", 168.0, "weightKg", 71.4).measurement().derived())
                .containsEntry("bmi", 25.3);
        assertThat(read("type", "waist-hip", "waistCm", 92, "hipCm", 100).measurement().derived())
                .containsEntry("waistHipRatio", 0.92);
        assertThat(read("type", "waist-hip", "waistCm", 92).measurement().derived()).isEmpty();
    }

    @Test
    void everyTypeHasItsFieldsAndUnits() {
        for (MeasurementType type : MeasurementType.values()) {
            assertThat(type.components()).as(type.id()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.isCoded() || c.unit() != null).isTrue());
        }
        assertThat(MeasurementType.BLOOD_PRESSURE.loinc()).contains("85354-9");
        assertThat(MeasurementType.BLOOD_PRESSURE.component("systolic").orElseThrow().loinc()).isEqualTo("8480-6");
    }

    private static MeasurementReader.Result read(Object... pairs) {
        Map<String, Object> json = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            json.put((String) pairs[i], pairs[i + 1]);
        }
        return MeasurementReader.read(json);
    }
}
