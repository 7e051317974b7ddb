package cn.sh.healthcloud.assessment;

import static cn.sh.healthcloud.assessment.Readings.ADULT_MAN;
import static cn.sh.healthcloud.assessment.Readings.ADULT_WOMAN;
import static cn.sh.healthcloud.assessment.Readings.bodyFat;
import static cn.sh.healthcloud.assessment.Readings.only;
import static cn.sh.healthcloud.assessment.Readings.waist;
import static cn.sh.healthcloud.assessment.Readings.waistHip;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Waist, waist-to-hip ratio and body fat: cut-offs that differ for men and women. */
class SexSpecificRuleTest {

    private final SexSpecificRule rule = new SexSpecificRule(AssessmentThresholds.reference());

    @ParameterizedTest(name = "{0} waist {1} cm is {2}")
    @CsvSource({
            "MALE, 89.9, waist-normal, NORMAL",
            "MALE, 90, waist-central-obesity, ATTENTION",
            "FEMALE, 84.9, waist-normal, NORMAL",
            "FEMALE, 85, waist-central-obesity, ATTENTION"
    })
    void centralObesityFromTheWaist(Sex sex, double waistCm, String code, Level level) {
        Finding finding = only(rule.assess(Person.of(sex, 50), List.of(waist(waistCm))));

        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.level()).isEqualTo(level);
        assertThat(finding.type()).isEqualTo(MeasurementType.WAIST_HIP);
    }

    @Test
    void centralObesityTextNamesTheCutOffForTheSex() {
        assertThat(only(rule.assess(ADULT_MAN, List.of(waist(92)))).textZh()).isEqualTo("腰围 92 cm，中心型肥胖（男性≥90 cm）。");
        assertThat(only(rule.assess(ADULT_WOMAN, List.of(waist(86)))).textEn())
                .isEqualTo("Waist 86 cm: central obesity (women ≥85 cm).");
    }

    @ParameterizedTest(name = "{0} waist {1} cm, hip 100 cm: ratio is {2}")
    @CsvSource({
            "MALE, 89, waist-hip-ratio-normal",
            "MALE, 90, waist-hip-ratio-raised",
            "FEMALE, 84, waist-hip-ratio-normal",
            "FEMALE, 85, waist-hip-ratio-raised"
    })
    void waistToHipRatio(Sex sex, double waistCm, String code) {
        List<Finding> findings = rule.assess(Person.of(sex, 50), List.of(waistHip(waistCm, 100)));

        assertThat(findings).extracting(Finding::code).hasSize(2).contains(code);
    }

    @Test
    void noHipNoRatio() {
        assertThat(rule.assess(ADULT_MAN, List.of(waist(80)))).extracting(Finding::code).containsExactly("waist-normal");
    }

    @ParameterizedTest(name = "{0} body fat {1} % is {2}")
    @CsvSource({
            "MALE, 25, body-fat-normal, NORMAL",
            "MALE, 25.1, body-fat-obese, ATTENTION",
            "FEMALE, 30, body-fat-normal, NORMAL",
            "FEMALE, 30.1, body-fat-obese, ATTENTION"
    })
    void bodyFatObeseAboveTheCutOff(Sex sex, double percent, String code, Level level) {
        Finding finding = only(rule.assess(Person.of(sex, 50), List.of(bodyFat(percent))));

        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.level()).isEqualTo(level);
        assertThat(finding.type()).isEqualTo(MeasurementType.BODY_COMPOSITION);
    }

    @Test
    void withoutSexTheValueIsShownButNotJudged() {
        Person anonymous = Person.unknown();

        List<Finding> findings = rule.assess(anonymous, List.of(waistHip(95, 100), bodyFat(33)));

        assertThat(findings).extracting(Finding::code)
                .containsExactly("waist-sex-unknown", "waist-hip-ratio-sex-unknown", "body-fat-sex-unknown");
        assertThat(findings).extracting(Finding::level).containsOnly(Level.NORMAL);
        assertThat(findings.get(0).textZh()).isEqualTo("腰围 95 cm。性别未知，无法按男女标准（男≥90 cm，女≥85 cm）判断。");
        assertThat(findings.get(1).textEn()).startsWith("Waist-to-hip ratio 0.95. Sex not known");
        assertThat(findings.get(2).textEn()).isEqualTo(
                "Body fat 33%. Sex not known, so it cannot be judged against the cut-offs for men (>25%) and women (>30%).");
    }

    @Test
    void aKnownSexWithoutAgeIsJudged() {
        Person womanOfUnknownAge = new Person(Optional.of(Sex.FEMALE), OptionalInt.empty());

        assertThat(only(rule.assess(womanOfUnknownAge, List.of(waist(85)))).code()).isEqualTo("waist-central-obesity");
    }

    @Test
    void childrenAreNotJudgedByAdultCutOffs() {
        assertThat(rule.assess(Person.of(Sex.FEMALE, 10), List.of(waistHip(70, 72), bodyFat(35))))
                .extracting(Finding::code)
                .containsExactly("waist-child-not-judged", "waist-hip-ratio-child-not-judged", "body-fat-child-not-judged");
    }
}
