package cn.sh.healthcloud.assessment;

import static cn.sh.healthcloud.assessment.Readings.ADULT_MAN;
import static cn.sh.healthcloud.assessment.Readings.CHILD;
import static cn.sh.healthcloud.assessment.Readings.glucose;
import static cn.sh.healthcloud.assessment.Readings.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlucoseRuleTest {

    private final GlucoseRule rule = new GlucoseRule(AssessmentThresholds.reference());

    @ParameterizedTest(name = "{1} glucose {0} mmol/L is {2}")
    @CsvSource({
            "3.9, fasting, glucose-fasting-normal, NORMAL",
            "6.0, fasting, glucose-fasting-normal, NORMAL",
            "6.1, fasting, glucose-fasting-impaired, ATTENTION",
            "6.9, fasting, glucose-fasting-impaired, ATTENTION",
            "7.0, fasting, glucose-fasting-diabetic, SEE_DOCTOR",
            "7.7, random, glucose-random-normal, NORMAL",
            "7.8, random, glucose-random-impaired, ATTENTION",
            "11.0, random, glucose-random-impaired, ATTENTION",
            "11.1, random, glucose-random-diabetic, SEE_DOCTOR",
            "7.7, postprandial-2h, glucose-postprandial-2h-normal, NORMAL",
            "7.8, postprandial-2h, glucose-postprandial-2h-impaired, ATTENTION",
            "11.0, postprandial-2h, glucose-postprandial-2h-impaired, ATTENTION",
            "11.1, postprandial-2h, glucose-postprandial-2h-diabetic, SEE_DOCTOR",
            "16.7, random, glucose-random-diabetic, SEE_DOCTOR",
            "16.8, random, glucose-urgent-high, URGENT",
            "16.8, fasting, glucose-urgent-high, URGENT",
            "3.8, fasting, glucose-low, SEE_DOCTOR",
            "3.8, random, glucose-low, SEE_DOCTOR",
            "3.0, fasting, glucose-low, SEE_DOCTOR",
            "2.9, fasting, glucose-urgent-low, URGENT",
            "2.9, postprandial-2h, glucose-urgent-low, URGENT"
    })
    void judgesEachContextByItsOwnCutOffs(double value, String context, String code, Level level) {
        Finding finding = only(rule.assess(ADULT_MAN, List.of(glucose(value, context))));

        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.level()).isEqualTo(level);
    }

    @Test
    void textsNameTheContextTheValueAndTheBand() {
        Finding impaired = only(rule.assess(ADULT_MAN, List.of(glucose(6.5, "fasting"))));
        assertThat(impaired.textZh()).isEqualTo(
                "空腹血糖 6.5 mmol/L，偏高，属空腹血糖受损范围（6.1~<7.0 mmol/L），请控制饮食、增加运动，并复查血糖。");
        assertThat(impaired.textEn()).startsWith("Fasting glucose 6.5 mmol/L: raised, in the impaired fasting glucose range");

        Finding diabetic = only(rule.assess(ADULT_MAN, List.of(glucose(12.0, "postprandial-2h"))));
        assertThat(diabetic.textZh()).startsWith("餐后2小时血糖 12.0 mmol/L，达到糖尿病诊断切点（≥11.1 mmol/L）");
    }

    @Test
    void urgentLimitsAreTheConfiguredUrgentThresholds() {
        GlucoseRule stricter = new GlucoseRule(
                AssessmentThresholds.reference().withUrgent(new UrgentThresholds(180, 110, 3.5, 13.9)));

        assertThat(only(stricter.assess(ADULT_MAN, List.of(glucose(3.4, "fasting")))).code()).isEqualTo("glucose-urgent-low");
        assertThat(only(stricter.assess(ADULT_MAN, List.of(glucose(14.0, "random")))).code()).isEqualTo("glucose-urgent-high");
    }

    @Test
    void everyReadingIsJudgedOnItsOwnAndChildrenLikeAdults() {
        assertThat(rule.assess(CHILD, List.of(glucose(5.0, "fasting"), glucose(8.0, "postprandial-2h"))))
                .extracting(Finding::code)
                .containsExactly("glucose-fasting-normal", "glucose-postprandial-2h-impaired");
    }
}
