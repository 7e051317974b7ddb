package cn.sh.healthcloud.assessment;

import static cn.sh.healthcloud.assessment.Readings.ADULT_MAN;
import static cn.sh.healthcloud.assessment.Readings.CHILD;
import static cn.sh.healthcloud.assessment.Readings.bp;
import static cn.sh.healthcloud.assessment.Readings.ecg;
import static cn.sh.healthcloud.assessment.Readings.only;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pulse of the blood-pressure monitor and the ECG: heart rate and rhythm. */
class HeartRateRulesTest {

    private final PulseRule pulse = new PulseRule(AssessmentThresholds.reference());
    private final EcgRule ecg = new EcgRule(AssessmentThresholds.reference());

    @ParameterizedTest(name = "pulse {0} /min is {1}")
    @CsvSource({"49, pulse-low, ATTENTION", "50, pulse-normal, NORMAL", "100, pulse-normal, NORMAL",
            "101, pulse-high, ATTENTION"})
    void pulseOutside50To100IsWorthAttention(double rate, String code, Level level) {
        Finding finding = only(pulse.assess(ADULT_MAN, List.of(bp(120, 70, rate))));

        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.level()).isEqualTo(level);
        assertThat(finding.type()).isEqualTo(MeasurementType.BLOOD_PRESSURE);
    }

    @Test
    void pulseIsTheMeanOfTheReadingsThatCountedIt() {
        Finding finding = only(pulse.assess(ADULT_MAN, List.of(bp(120, 70, 98), bp(120, 70), bp(120, 70, 106))));

        assertThat(finding.code()).isEqualTo("pulse-high");
        assertThat(finding.textZh()).startsWith("脉搏 102 次/分（2次测量平均值），偏快");
        assertThat(finding.textEn()).startsWith("Pulse 102 /min (mean of 2 readings): fast");
    }

    @Test
    void noPulseNoFinding() {
        assertThat(pulse.assess(ADULT_MAN, List.of(bp(120, 70)))).isEmpty();
    }

    @Test
    void childrensHeartRatesAreNotJudgedByTheAdultRange() {
        assertThat(only(pulse.assess(CHILD, List.of(bp(110, 70, 110)))).code()).isEqualTo("pulse-child-not-judged");
        assertThat(ecg.assess(CHILD, List.of(ecg(110, "sinus")))).extracting(Finding::code)
                .containsExactly("ecg-sinus-rhythm", "ecg-heart-rate-child-not-judged");
    }

    @ParameterizedTest(name = "ECG heart rate {0} /min is {1}")
    @CsvSource({"49, ecg-heart-rate-low, ATTENTION", "50, ecg-heart-rate-normal, NORMAL",
            "100, ecg-heart-rate-normal, NORMAL", "101, ecg-heart-rate-high, ATTENTION"})
    void ecgHeartRateOutside50To100IsWorthAttention(double rate, String code, Level level) {
        List<Finding> findings = ecg.assess(ADULT_MAN, List.of(ecg(rate, "sinus")));

        assertThat(findings).extracting(Finding::code).containsExactly("ecg-sinus-rhythm", code);
        assertThat(findings.get(1).level()).isEqualTo(level);
    }

    @ParameterizedTest(name = "rhythm {0} is {1}")
    @CsvSource({"sinus, ecg-sinus-rhythm, NORMAL", "af-suspected, ecg-af-suspected, SEE_DOCTOR",
            "other, ecg-rhythm-other, ATTENTION"})
    void rhythm(String rhythm, String code, Level level) {
        Finding finding = ecg.assess(ADULT_MAN, List.of(ecg(72, rhythm))).get(0);

        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.level()).isEqualTo(level);
        assertThat(finding.type()).isEqualTo(MeasurementType.ECG);
    }
}
