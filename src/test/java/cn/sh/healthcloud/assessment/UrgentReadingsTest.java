package cn.sh.healthcloud.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.measurement.MeasurementReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrgentReadingsTest {

    private final UrgentReadings rules = new UrgentReadings(UrgentThresholds.reference());

    @Test
    void bloodPressureIsUrgentFromEitherLimit() {
        assertThat(bp(180, 90)).contains("bp-urgent");
        assertThat(bp(179, 109)).isNull();
        assertThat(bp(150, 110)).contains("bp-urgent");
        assertThat(bp(150, 109)).isNull();
    }

    @Test
    void glucoseIsUrgentBelowThreeAndAboveSixteenPointSeven() {
        assertThat(glucose(2.9)).isEqualTo("glucose-urgent-low");
        assertThat(glucose(3.0)).isNull();
        assertThat(glucose(16.7)).isNull();
        assertThat(glucose(16.8)).isEqualTo("glucose-urgent-high");
    }

    @Test
    void otherMeasurementsAreNeverUrgentHere() {
        assertThat(rules.check(MeasurementReader.read(Map.of("type", "spo2", "percent", 80)).measurement())).isEmpty();
    }

    @Test
    void thresholdsComeFromConfiguration() {
        UrgentReadings stricter = new UrgentReadings(new UrgentThresholds(170, 105, 3.9, 13.9));
        assertThat(stricter.check(MeasurementReader.read(Map.of("type", "blood-pressure", "systolic", 172,
                "diastolic", 90)).measurement())).isPresent();
    }

    private String bp(int systolic, int diastolic) {
        return rules.check(MeasurementReader.read(Map.of("type", "blood-pressure", "systolic", systolic,
                "diastolic", diastolic)).measurement()).map(UrgentFinding::code).orElse(null);
    }

    private String glucose(double value) {
        return rules.check(MeasurementReader.read(Map.of("type", "glucose", "value", value, "context", "random"))
                .measurement()).map(UrgentFinding::code).orElse(null);
    }
}
