package cn.sh.healthcloud.assessment;

import static cn.sh.healthcloud.assessment.Readings.ADULT_MAN;
import static cn.sh.healthcloud.assessment.Readings.CHILD;
import static cn.sh.healthcloud.assessment.Readings.bmi;
import static cn.sh.healthcloud.assessment.Readings.bodyFat;
import static cn.sh.healthcloud.assessment.Readings.bp;
import static cn.sh.healthcloud.assessment.Readings.ecg;
import static cn.sh.healthcloud.assessment.Readings.glucose;
import static cn.sh.healthcloud.assessment.Readings.read;
import static cn.sh.healthcloud.assessment.Readings.spo2;
import static cn.sh.healthcloud.assessment.Readings.temperature;
import static cn.sh.healthcloud.assessment.Readings.waistHip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sh.healthcloud.measurement.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssessmentEngineTest {

    private final AssessmentEngine engine = new AssessmentEngine(AssessmentThresholds.reference());

    @Test
    void theOverallLevelIsTheWorstFinding() {
        assertThat(engine.assess(ADULT_MAN, List.of(bp(118, 76, 70), bmi(24.5))).level()).isEqualTo(Level.ATTENTION);
        assertThat(engine.assess(ADULT_MAN, List.of(bmi(24.5), glucose(7.2, "fasting"), bp(118, 76))).level())
                .isEqualTo(Level.SEE_DOCTOR);
        assertThat(engine.assess(ADULT_MAN, List.of(bmi(24.5), glucose(7.2, "fasting"), bp(182, 96))).level())
                .isEqualTo(Level.URGENT);
    }

    @Test
    void allNormalGivesOneGeneralLifestylePrescription() {
        Assessment assessment = engine.assess(ADULT_MAN,
                List.of(bp(116, 74, 68), glucose(5.1, "fasting"), bmi(22.0), spo2(98), temperature(36.6)));

        assertThat(assessment.level()).isEqualTo(Level.NORMAL);
        assertThat(assessment.findings()).extracting(Finding::code).containsExactly("bp-normal", "pulse-normal",
                "glucose-fasting-normal", "bmi-normal", "spo2-normal", "temperature-normal");
        assertThat(assessment.prescriptions()).extracting(Prescription::code).containsExactly("lifestyle-general");
        assertThat(assessment.prescriptions().get(0).kind()).isEqualTo("lifestyle");
    }

    @Test
    void anEmptySessionIsNormalWithTheGeneralAdvice() {
        Assessment assessment = engine.assess(Person.unknown(), List.of());

        assertThat(assessment.level()).isEqualTo(Level.NORMAL);
        assertThat(assessment.findings()).isEmpty();
        assertThat(assessment.prescriptions()).extracting(Prescription::code).containsExactly("lifestyle-general");
    }

    @Test
    void findingsThatOnlyShowValuesLeaveTheLevelNormal() {
        Assessment assessment = engine.assess(Person.unknown(),
                List.of(waistHip(98, 100), read("type", "grip-strength", "kg", 30)));

        assertThat(assessment.level()).isEqualTo(Level.NORMAL);
        assertThat(assessment.prescriptions()).extracting(Prescription::code).containsExactly("lifestyle-general");
    }

    @Test
    void hypertensionPrescribesLessSaltExerciseAndARecheck() {
        Assessment assessment = engine.assess(ADULT_MAN, List.of(bp(148, 92)));

        assertThat(assessment.prescriptions()).extracting(Prescription::kind, Prescription::textZh).containsExactly(
                tuple("diet", "清淡饮食，每日食盐不超过5克。"),
                tuple("exercise",
                        "每周至少150分钟中等强度身体活动，如快走、骑自行车、太极拳，循序渐进。"),
                tuple("follow-up", "两周内到社区卫生服务中心复测血压。"));
    }

    @Test
    void diabeticRangeSendsToTheFamilyDoctor() {
        assertThat(engine.assess(ADULT_MAN, List.of(glucose(11.5, "random"))).prescriptions())
                .extracting(Prescription::code).contains("follow-up-family-doctor", "diet-less-sugar");
    }

    @Test
    void overweightPrescribesDietAndOneHundredFiftyMinutesOfActivity() {
        assertThat(engine.assess(ADULT_MAN, List.of(bmi(25.0))).prescriptions())
                .extracting(Prescription::code).containsExactly("diet-weight-control", "exercise-moderate");
    }

    @Test
    void prescriptionsAreGivenOnceWorstFindingsFirst() {
        Assessment assessment = engine.assess(ADULT_MAN,
                List.of(bp(150, 95), bmi(29.0), waistHip(96, 100), bodyFat(30), glucose(6.5, "fasting"), bp(190, 100)));

        List<String> codes = assessment.prescriptions().stream().map(Prescription::code).toList();
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(codes).first().isEqualTo("follow-up-urgent");
        assertThat(codes).containsOnlyOnce("exercise-moderate", "diet-weight-control");
        assertThat(assessment.prescriptions().get(0).textZh()).isEqualTo("请立即就医。");
    }

    @Test
    void theKioskContractsExampleSessionOfAnAnonymousResident() {
        Assessment assessment = engine.assess(Person.unknown(), List.of(
                read("type", "blood-pressure", "systolic", 148, "diastolic", 92, "pulse", 78, "unit", "mmHg"),
                read("type", "body-composition", "weightKg", 71.4, "bodyFatPercent", 27.9, "heightCm", 168.0)));

        assertThat(assessment.level()).isEqualTo(Level.SEE_DOCTOR);
        assertThat(assessment.findings()).extracting(Finding::code, Finding::level).containsExactly(
                tuple("bp-hypertension-grade-1", Level.SEE_DOCTOR),
                tuple("pulse-normal", Level.NORMAL),
                tuple("bmi-overweight", Level.ATTENTION),
                tuple("body-fat-sex-unknown", Level.NORMAL));
    }

    @Test
    void aChildIsJudgedOnlyByTheRulesThatHoldForChildren() {
        Assessment assessment = engine.assess(CHILD,
                List.of(bp(128, 84, 96), bmi(26.0), glucose(5.0, "fasting"), temperature(37.5)));

        assertThat(assessment.findings()).extracting(Finding::code).containsExactly("bp-child-not-judged",
                "pulse-child-not-judged", "glucose-fasting-normal", "bmi-child-not-judged", "temperature-fever");
        assertThat(assessment.level()).isEqualTo(Level.ATTENTION);
        assertThat(assessment.prescriptions()).extracting(Prescription::code).containsExactly("follow-up-fever");
    }

    @Test
    void everyFindingAboveNormalCallsForAPrescriptionAndEveryTextIsWrittenInBothLanguages() {
        List<Measurement> abnormal = List.of(bp(125, 82, 45), bp(150, 95, 110), bp(165, 102), bp(185, 100),
                glucose(6.5, "fasting"), glucose(7.5, "fasting"), glucose(9.0, "random"), glucose(12.0, "random"),
                glucose(9.0, "postprandial-2h"), glucose(12.0, "postprandial-2h"), glucose(3.5, "fasting"),
                glucose(2.5, "fasting"), glucose(20.0, "random"), bmi(17.0), bmi(25.0), bmi(30.0),
                waistHip(100, 100), bodyFat(35), ecg(45, "af-suspected"), ecg(120, "other"), spo2(93), spo2(88),
                temperature(37.8), temperature(39.5));
        for (Measurement measurement : abnormal) {
            Assessment assessment = engine.assess(ADULT_MAN, List.of(measurement));
            assertThat(assessment.findings()).allSatisfy(f -> {
                assertThat(f.textZh()).isNotBlank().doesNotContain("null", "NaN");
                assertThat(f.textEn()).isNotBlank().doesNotContain("null", "NaN");
                if (f.level() != Level.NORMAL) {
                    assertThat(PrescriptionTable.prescribesFor(f.code())).as(f.code()).isTrue();
                }
            });
            assertThat(assessment.level()).as(measurement.toString()).isNotEqualTo(Level.NORMAL);
        }
    }

    @Test
    void configuredCutOffsReachTheRules() {
        AssessmentEngine guideline2022 = new AssessmentEngine(
                AssessmentThresholds.reference().withHypertensionCutOffs(130, 80));

        assertThat(guideline2022.assess(ADULT_MAN, List.of(bp(132, 78))).findings())
                .extracting(Finding::code).containsExactly("bp-hypertension-grade-1");
        assertThat(engine.assess(ADULT_MAN, List.of(bp(132, 78))).findings())
                .extracting(Finding::code).containsExactly("bp-high-normal");
    }
}
