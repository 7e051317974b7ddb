package cn.sh.healthcloud.assessment;

import static cn.sh.healthcloud.assessment.Readings.ADULT_MAN;
import static cn.sh.healthcloud.assessment.Readings.CHILD;
import static cn.sh.healthcloud.assessment.Readings.bp;
import static cn.sh.healthcloud.assessment.Readings.only;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BloodPressureRuleTest {

    private final BloodPressureRule rule = new BloodPressureRule(AssessmentThresholds.reference());

    @ParameterizedTest(name = "{0}/{1} mmHg is {2}")
    @CsvSource({
            "119, 79, bp-normal, NORMAL",
            "120, 79, bp-high-normal, ATTENTION",
            "119, 80, bp-high-normal, ATTENTION",
            "139, 89, bp-high-normal, ATTENTION",
            "140, 89, bp-hypertension-grade-1, SEE_DOCTOR",
            "139, 90, bp-hypertension-grade-1, SEE_DOCTOR",
            "140, 90, bp-hypertension-grade-1, SEE_DOCTOR",
            "159, 99, bp-hypertension-grade-1, SEE_DOCTOR",
            "160, 99, bp-hypertension-grade-2, SEE_DOCTOR",
            "159, 100, bp-hypertension-grade-2, SEE_DOCTOR",
            "179, 109, bp-hypertension-grade-2, SEE_DOCTOR",
            "180, 109, bp-urgent, URGENT",
            "179, 110, bp-urgent, URGENT",
            "150, 60, bp-hypertension-grade-1, SEE_DOCTOR",
            "110, 95, bp-hypertension-grade-1, SEE_DOCTOR"
    })
    void gradesBySystolicOrDiastolicWhicheverIsWorse(double systolic, double diastolic, String code, Level level) {
        Finding finding = only(rule.assess(ADULT_MAN, List.of(bp(systolic, diastolic))));

        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.level()).isEqualTo(level);
        assertThat(finding.type()).isEqualTo(MeasurementType.BLOOD_PRESSURE);
    }

    @ParameterizedTest(name = "with 130/80: {0}/{1} mmHg is {2}")
    @CsvSource({
            "119, 79, bp-normal",
            "129, 79, bp-high-normal",
            "130, 79, bp-hypertension-grade-1",
            "129, 80, bp-hypertension-grade-1",
            "159, 99, bp-hypertension-grade-1",
            "160, 99, bp-hypertension-grade-2",
            "180, 99, bp-urgent"
    })
    void hypertensiveCutOffsCanBeLowered(double systolic, double diastolic, String code) {
        BloodPressureRule guideline2022 = new BloodPressureRule(
                AssessmentThresholds.reference().withHypertensionCutOffs(130, 80));

        assertThat(only(guideline2022.assess(ADULT_MAN, List.of(bp(systolic, diastolic)))).code()).isEqualTo(code);
    }

    @Test
    void theTextStatesTheConfiguredCutOff() {
        BloodPressureRule guideline2022 = new BloodPressureRule(
                AssessmentThresholds.reference().withHypertensionCutOffs(130, 80));

        Finding finding = only(guideline2022.assess(ADULT_MAN, List.of(bp(134, 78))));

        assertThat(finding.textZh()).isEqualTo(
                "血压 134/78 mmHg，处于1级高血压范围（≥130/80 mmHg），请到社区卫生服务中心复测，并请家庭医生诊治。");
        assertThat(finding.textEn()).startsWith("Blood pressure 134/78 mmHg: in the grade 1 hypertension range (≥ 130/80 mmHg)");
    }

    @Test
    void severalReadingsAreJudgedOnTheirMeanAndTheTextSaysSo() {
        Finding finding = only(rule.assess(ADULT_MAN, List.of(bp(136, 86), bp(144, 94))));

        assertThat(finding.code()).isEqualTo("bp-hypertension-grade-1");
        assertThat(finding.textZh()).startsWith("血压 140/90 mmHg（2次测量平均值），处于1级高血压范围");
        assertThat(finding.textEn()).startsWith("Blood pressure 140/90 mmHg (mean of 2 readings): in the grade 1");
    }

    @Test
    void aMeanJustBelowTheCutOffStaysBelowItAndIsPrintedAsJudged() {
        Finding finding = only(rule.assess(ADULT_MAN, List.of(bp(139, 88), bp(140, 89))));

        assertThat(finding.code()).isEqualTo("bp-high-normal");
        assertThat(finding.textZh()).startsWith("血压 139.5/88.5 mmHg（2次测量平均值）");
    }

    @Test
    void oneUrgentReadingMakesTheSessionUrgentEvenWhenTheMeanIsNot() {
        Finding finding = only(rule.assess(ADULT_MAN, List.of(bp(185, 100), bp(150, 90))));

        assertThat(finding.code()).isEqualTo("bp-urgent");
        assertThat(finding.level()).isEqualTo(Level.URGENT);
        assertThat(finding.textZh()).contains("167.5/95 mmHg（2次测量平均值）", "单次读数 185/100 mmHg 已达危急值", "请立即就医");
        assertThat(finding.textEn()).contains("one reading of 185/100 mmHg is dangerously high");
    }

    @Test
    void urgentLimitsAreTheConfiguredUrgentThresholds() {
        BloodPressureRule stricter = new BloodPressureRule(
                AssessmentThresholds.reference().withUrgent(new UrgentThresholds(170, 105, 3.0, 16.7)));

        assertThat(only(stricter.assess(ADULT_MAN, List.of(bp(172, 90)))).code()).isEqualTo("bp-urgent");
        assertThat(only(stricter.assess(ADULT_MAN, List.of(bp(165, 104)))).code()).isEqualTo("bp-hypertension-grade-2");
    }

    @Test
    void childrenAreNotJudgedByAdultCutOffsButUrgentReadingsStillCount() {
        Finding child = only(rule.assess(CHILD, List.of(bp(135, 88))));
        assertThat(child.code()).isEqualTo("bp-child-not-judged");
        assertThat(child.level()).isEqualTo(Level.NORMAL);
        assertThat(child.textZh()).contains("135/88 mmHg", "不适用于18岁以下");
        assertThat(child.textEn()).contains("do not apply under 18");

        assertThat(only(rule.assess(CHILD, List.of(bp(185, 100)))).code()).isEqualTo("bp-urgent");
        assertThat(only(rule.assess(Person.of(Sex.FEMALE, 18), List.of(bp(135, 88)))).code()).isEqualTo("bp-high-normal");
    }

    @Test
    void anUnknownAgeIsJudgedAsAnAdult() {
        assertThat(only(rule.assess(Person.unknown(), List.of(bp(148, 92)))).code()).isEqualTo("bp-hypertension-grade-1");
    }

    @Test
    void noBloodPressureNoFinding() {
        Measurement spo2 = Readings.read("type", "spo2", "percent", 98);
        assertThat(rule.assess(ADULT_MAN, List.of(spo2))).isEmpty();
    }
}
