package cn.sh.healthcloud.assessment;

import static cn.sh.healthcloud.assessment.Readings.ADULT_MAN;
import static cn.sh.healthcloud.assessment.Readings.CHILD;
import static cn.sh.healthcloud.assessment.Readings.bmi;
import static cn.sh.healthcloud.assessment.Readings.only;
import static cn.sh.healthcloud.assessment.Readings.read;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BmiRuleTest {

    private final BmiRule rule = new BmiRule(AssessmentThresholds.reference());

    @ParameterizedTest(name = "BMI {0} is {1}")
    @CsvSource({
            "18.4, bmi-underweight, ATTENTION",
            "18.5, bmi-normal, NORMAL",
            "23.9, bmi-normal, NORMAL",
            "24.0, bmi-overweight, ATTENTION",
            "27.9, bmi-overweight, ATTENTION",
            "28.0, bmi-obese, ATTENTION"
    })
    void chineseAdultBands(double bmi, String code, Level level) {
        Finding finding = only(rule.assess(ADULT_MAN, List.of(bmi(bmi))));

        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.level()).isEqualTo(level);
        assertThat(finding.type()).isEqualTo(MeasurementType.HEIGHT_WEIGHT);
    }

    @Test
    void bodyCompositionWithHeightGivesABmiWithoutHeightNone() {
        Finding finding = only(rule.assess(ADULT_MAN,
                List.of(read("type", "body-composition", "weightKg", 71.4, "bodyFatPercent", 27.9, "heightCm", 168.0))));

        assertThat(finding.code()).isEqualTo("bmi-overweight");
        assertThat(finding.type()).isEqualTo(MeasurementType.BODY_COMPOSITION);
        assertThat(finding.textZh()).isEqualTo("体重指数（BMI）25.3 kg/m²，超重（24.0~<28.0）。");
        assertThat(finding.textEn()).isEqualTo("Body mass index (BMI) 25.3 kg/m²: overweight (24.0 to below 28.0).");

        assertThat(rule.assess(ADULT_MAN, List.of(read("type", "body-composition", "weightKg", 71.4)))).isEmpty();
    }

    @Test
    void childrenAreNotJudgedByAdultCutOffs() {
        Finding finding = only(rule.assess(CHILD, List.of(bmi(26.0))));

        assertThat(finding.code()).isEqualTo("bmi-child-not-judged");
        assertThat(finding.level()).isEqualTo(Level.NORMAL);
        assertThat(finding.textZh()).contains("26.0", "不适用于18岁以下");
    }

    @Test
    void sexDoesNotMatterForBmi() {
        assertThat(only(rule.assess(Person.unknown(), List.of(bmi(24.0)))).code()).isEqualTo("bmi-overweight");
    }
}
