package cn.sh.healthcloud.assessment;

import static cn.sh.healthcloud.assessment.Readings.ADULT_MAN;
import static cn.sh.healthcloud.assessment.Readings.only;
import static cn.sh.healthcloud.assessment.Readings.spo2;
import static cn.sh.healthcloud.assessment.Readings.temperature;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Oxygen saturation and temperature. */
class VitalSignRulesTest {

    private final OxygenSaturationRule oxygen = new OxygenSaturationRule(AssessmentThresholds.reference());
    private final TemperatureRule thermometer = new TemperatureRule(AssessmentThresholds.reference());

    @ParameterizedTest(name = "SpO2 {0} % is {1}")
    @CsvSource({"100, spo2-normal, NORMAL", "95, spo2-normal, NORMAL", "94.9, spo2-low, ATTENTION",
            "90, spo2-low, ATTENTION", "89.9, spo2-very-low, SEE_DOCTOR", "85, spo2-very-low, SEE_DOCTOR"})
    void oxygenSaturation(double percent, String code, Level level) {
        Finding finding = only(oxygen.assess(ADULT_MAN, List.of(spo2(percent))));

        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.level()).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} °C is {1}")
    @CsvSource({"36.5, temperature-normal, NORMAL", "37.2, temperature-normal, NORMAL",
            "37.3, temperature-fever, ATTENTION", "38.9, temperature-fever, ATTENTION",
            "39.0, temperature-high-fever, SEE_DOCTOR"})
    void bodyTemperature(double celsius, String code, Level level) {
        Finding finding = only(thermometer.assess(ADULT_MAN, List.of(temperature(celsius))));

        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.level()).isEqualTo(level);
    }

    @Test
    void feverSendsToAFeverClinic() {
        assertThat(only(thermometer.assess(ADULT_MAN, List.of(temperature(39.2)))).textZh())
                .isEqualTo("体温 39.2 ℃，高热（≥39.0 ℃），请尽快到发热门诊就诊。");
    }
}
