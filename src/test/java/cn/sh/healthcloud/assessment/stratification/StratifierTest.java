package cn.sh.healthcloud.assessment.stratification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Finding;
import cn.sh.healthcloud.assessment.Level;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StratifierTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    private final Stratifier stratifier = new Stratifier(StratificationRules.reference());

    private Stratification classify(StratificationInput input) {
        return stratifier.classify(input);
    }

    private static StratificationInput none() {
        return StratificationInput.empty();
    }

    private static Finding finding(String code) {
        MeasurementType type = code.startsWith("bp-") ? MeasurementType.BLOOD_PRESSURE
                : code.startsWith("glucose-") ? MeasurementType.GLUCOSE
                        : code.startsWith("waist-") ? MeasurementType.WAIST_HIP : MeasurementType.HEIGHT_WEIGHT;
        return new Finding(code, type, Level.ATTENTION, "…", "…");
    }

    private static RecordedCondition condition(ConditionCode code, ConditionStatus status) {
        return new RecordedCondition(code, status, DAY);
    }

    private static QuestionnaireOutcome questionnaire(String id, int score, String band) {
        return new QuestionnaireOutcome(id, score, band, Map.of());
    }

    private static BloodPressureReading bp(int daysAgo, double systolic, double diastolic) {
        return new BloodPressureReading(DAY.minusDays(daysAgo), systolic, diastolic);
    }

    private static List<String> codes(Stratification s) {
        return s.reasons().stream().map(Reason::code).toList();
    }

    @Nested
    class Classes {

        @Test
        void nothingKnownIsHealthyWithAYearlyCheckUpAndFollowUp() {
            Stratification s = classify(none());

            assertThat(s.healthClass()).isEqualTo(HealthClass.HEALTHY);
            assertThat(s.reasons()).isEmpty();
            assertThat(s.plan().monitor()).isEmpty();
            assertThat(s.plan().followUpEveryDays()).isEqualTo(365);
            assertThat(s.plan().checkUpEveryDays()).isEqualTo(365);
        }

        @Test
        void normalFindingsAreHealthy() {
            Stratification s = classify(none().withFindings(List.of(finding("bp-normal"), finding("glucose-fasting-normal"),
                    finding("bmi-normal"), finding("waist-normal"), finding("bp-child-not-judged"))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.HEALTHY);
        }

        @ParameterizedTest
        @EnumSource(value = ConditionCode.class, names = "AFTER_SURGERY", mode = EnumSource.Mode.EXCLUDE)
        void anActiveChronicConditionIsIll(ConditionCode code) {
            Stratification s = classify(none().withConditions(List.of(condition(code, ConditionStatus.ACTIVE))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.ILL);
            assertThat(codes(s)).containsExactly("condition-" + code.id());
            assertThat(s.plan().followUpEveryDays()).isEqualTo(90);
            assertThat(s.reasons().get(0).textZh()).contains(code.nameZh(), "2026-11-01");
        }

        @ParameterizedTest
        @EnumSource(ConditionCode.class)
        void aConditionBeingRecoveredFromIsRecovering(ConditionCode code) {
            Stratification s = classify(none().withConditions(List.of(condition(code, ConditionStatus.RECOVERING))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.RECOVERING);
            assertThat(codes(s)).containsExactly("recovering-" + code.id());
            assertThat(s.plan().followUpEveryDays()).isEqualTo(30);
            assertThat(s.plan().monitor()).singleElement().satisfies(m -> {
                assertThat(m.measure()).isEqualTo(Measure.BLOOD_PRESSURE);
                assertThat(m.everyDays()).isEqualTo(30);
            });
        }

        @Test
        void anotherActiveConditionMakesARecoveringResidentIll() {
            Stratification s = classify(none().withConditions(List.of(
                    condition(ConditionCode.STROKE, ConditionStatus.RECOVERING),
                    condition(ConditionCode.HYPERTENSION, ConditionStatus.ACTIVE))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.ILL);
            assertThat(codes(s)).containsExactly("condition-hypertension", "recovering-stroke");
        }

        @Test
        void theSameConditionActiveAgainIsNotAlsoRecovering() {
            Stratification s = classify(none().withConditions(List.of(
                    condition(ConditionCode.STROKE, ConditionStatus.RECOVERING),
                    condition(ConditionCode.STROKE, ConditionStatus.ACTIVE))));

            assertThat(codes(s)).containsExactly("condition-stroke");
        }

        @Test
        void resolvedConditionsCountForNothing() {
            Stratification s = classify(none().withConditions(List.of(condition(ConditionCode.CANCER, ConditionStatus.RESOLVED))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.HEALTHY);
        }

        @Test
        void recoveringOutranksRiskFactors() {
            Stratification s = classify(none().withFindings(List.of(finding("bmi-obese")))
                    .withConditions(List.of(condition(ConditionCode.AFTER_SURGERY, ConditionStatus.RECOVERING))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.RECOVERING);
            assertThat(codes(s)).containsExactly("recovering-after-surgery", "obesity");
        }

        @Test
        void anyRiskFactorWithoutAConditionIsHigherRisk() {
            Stratification s = classify(none().withFindings(List.of(finding("bp-high-normal"))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.HIGHER_RISK);
            assertThat(s.plan().followUpEveryDays()).isEqualTo(180);
        }
    }

    @Nested
    class PriorityGroups {

        @ParameterizedTest
        @CsvSource({ "hypertension, priority-group-hypertension", "diabetes, priority-group-diabetes",
                "severe-mental-illness, priority-group-severe-mental-illness",
                "tuberculosis, priority-group-tuberculosis" })
        void diseaseGroupsOfTheContractAreIll(String group, String reason) {
            Stratification s = classify(none().withPriorityGroups(Set.of(group)));

            assertThat(s.healthClass()).isEqualTo(HealthClass.ILL);
            assertThat(codes(s)).containsExactly(reason);
        }

        @ParameterizedTest
        @CsvSource({ "aged-65-plus", "child-0-to-6", "pregnant", "disabled" })
        void otherGroupsDoNotChangeTheClass(String group) {
            assertThat(classify(none().withPriorityGroups(Set.of(group))).healthClass()).isEqualTo(HealthClass.HEALTHY);
        }

        @Test
        void theDoctorsRecordOfTheConditionWinsOverTheGroup() {
            Stratification s = classify(none().withPriorityGroups(Set.of("hypertension"))
                    .withConditions(List.of(condition(ConditionCode.HYPERTENSION, ConditionStatus.RESOLVED))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.HEALTHY);
        }

        @Test
        void aGroupAndTheRecordedConditionGiveOneReason() {
            Stratification s = classify(none().withPriorityGroups(Set.of("hypertension"))
                    .withConditions(List.of(condition(ConditionCode.HYPERTENSION, ConditionStatus.ACTIVE))));

            assertThat(codes(s)).containsExactly("condition-hypertension");
        }
    }

    @Nested
    class RiskFactorsFromFindings {

        @ParameterizedTest
        @CsvSource({
                "bp-high-normal, bp-high-normal",
                "bp-hypertension-grade-1, bp-hypertensive-range",
                "bp-hypertension-grade-2, bp-hypertensive-range",
                "bp-urgent, bp-hypertensive-range",
                "glucose-fasting-impaired, glucose-impaired-fasting",
                "glucose-random-impaired, glucose-impaired-regulation",
                "glucose-postprandial-2h-impaired, glucose-impaired-regulation",
                "glucose-fasting-diabetic, glucose-diabetic-range",
                "glucose-random-diabetic, glucose-diabetic-range",
                "glucose-postprandial-2h-diabetic, glucose-diabetic-range",
                "bmi-overweight, overweight",
                "bmi-obese, obesity",
                "waist-central-obesity, central-obesity"
        })
        void eachAbnormalFindingIsARiskFactor(String findingCode, String reason) {
            Stratification s = classify(none().withFindings(List.of(finding(findingCode))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.HIGHER_RISK);
            assertThat(codes(s)).containsExactly(reason);
        }

        @ParameterizedTest
        @CsvSource({ "bp-normal", "glucose-low", "glucose-fasting-normal", "bmi-underweight", "bmi-normal",
                "waist-normal", "waist-sex-unknown", "waist-hip-ratio-raised", "body-fat-obese", "pulse-high" })
        void otherFindingsAreNot(String findingCode) {
            assertThat(classify(none().withFindings(List.of(finding(findingCode)))).healthClass())
                    .isEqualTo(HealthClass.HEALTHY);
        }

        @Test
        void readingsInADiagnosticRangeAskTheResidentToConfirmWithTheirDoctor() {
            Stratification s = classify(none().withFindings(List.of(finding("glucose-fasting-diabetic"),
                    finding("bp-hypertension-grade-1"))));

            assertThat(s.reasons()).allSatisfy(r -> {
                assertThat(r.textZh()).contains("请到家庭医生处复查确认");
                assertThat(r.textEn()).contains("see your family doctor to confirm");
            });
        }

        @Test
        void aDiagnosedResidentIsNotAskedToConfirmWhatTheDoctorRecorded() {
            Stratification s = classify(none().withFindings(List.of(finding("bp-hypertension-grade-1"),
                    finding("glucose-fasting-diabetic")))
                    .withConditions(List.of(condition(ConditionCode.HYPERTENSION, ConditionStatus.ACTIVE),
                            condition(ConditionCode.DIABETES, ConditionStatus.ACTIVE))));

            assertThat(codes(s)).containsExactly("condition-hypertension", "condition-diabetes");
        }
    }

    @Nested
    class RepeatedHypertensiveReadings {

        @Test
        void twoDaysInTheHypertensiveRangeWithoutADiagnosisAskForConfirmation() {
            Stratification s = classify(none().withFindings(List.of(finding("bp-hypertension-grade-1")))
                    .withBloodPressure(List.of(bp(0, 140, 80), bp(10, 120, 90))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.HIGHER_RISK);
            assertThat(codes(s)).containsExactly("bp-hypertensive-range-repeated");
            assertThat(s.reasons().get(0).textEn()).contains("on 2 days", "see your family doctor to confirm");
        }

        @Test
        void twoReadingsOnTheSameDayAreOneDay() {
            Stratification s = classify(none().withBloodPressure(List.of(bp(0, 150, 95), bp(0, 152, 96))));

            assertThat(codes(s)).doesNotContain("bp-hypertensive-range-repeated");
        }

        @Test
        void justBelowTheRangeDoesNotCount() {
            Stratification s = classify(none().withBloodPressure(List.of(bp(0, 139, 89), bp(1, 139, 89))));

            assertThat(s.healthClass()).isEqualTo(HealthClass.HEALTHY);
        }

        @Test
        void theConfiguredRangeIsTheOneCounted() {
            Stratifier stricter = new Stratifier(StratificationRules.reference().withHypertension(130, 80));

            Stratification s = stricter.classify(none().withBloodPressure(List.of(bp(0, 130, 70), bp(1, 120, 80))));

            assertThat(codes(s)).containsExactly("bp-hypertensive-range-repeated");
        }

        @Test
        void aRecordedHypertensionTakesTheirPlace() {
            Stratification s = classify(none().withBloodPressure(List.of(bp(0, 150, 95), bp(1, 150, 95)))
                    .withPriorityGroups(Set.of("hypertension")));

            assertThat(codes(s)).containsExactly("priority-group-hypertension");
        }
    }

    @Nested
    class Questionnaires {

        @ParameterizedTest(name = "{0} score {1} band {2} → {3}")
        @CsvSource({
                "cn-diabetes-risk, 24, below-cut-off, ",
                "cn-diabetes-risk, 25, high-risk, diabetes-risk-score-high",
                "phq-9, 9, mild, ",
                "phq-9, 10, moderate, depressive-symptoms",
                "gad-7, 9, mild, ",
                "gad-7, 10, moderate, anxiety-symptoms",
                "stroke-risk, 2, medium, ",
                "stroke-risk, 3, high, stroke-risk-high",
                "frail, 2, pre-frail, ",
                "frail, 3, frail, frailty",
                "lifestyle, 0, no-risk-behaviour, "
        })
        void bandEdges(String id, int score, String band, String reason) {
            Stratification s = classify(none().withQuestionnaires(List.of(questionnaire(id, score, band))));

            if (reason == null) {
                assertThat(s.healthClass()).isEqualTo(HealthClass.HEALTHY);
            } else {
                assertThat(s.healthClass()).isEqualTo(HealthClass.HIGHER_RISK);
                assertThat(codes(s)).containsExactly(reason);
            }
        }

        @ParameterizedTest
        @CsvSource({ "daily, smoking", "occasionally, smoking", "quit, ", "never, " })
        void smokingFromTheLifestyleChecklist(String answer, String reason) {
            Stratification s = classify(none().withQuestionnaires(List.of(new QuestionnaireOutcome("lifestyle", 1,
                    "risk-behaviour", Map.of("lifestyle-smoking", answer)))));

            assertThat(codes(s)).isEqualTo(reason == null ? List.of() : List.of(reason));
        }

        @Test
        void drinkingOverTheLimitIsARiskFactorTooButInactivityAloneIsNot() {
            Stratification s = classify(none().withQuestionnaires(List.of(new QuestionnaireOutcome("lifestyle", 2,
                    "risk-behaviour", Map.of("lifestyle-alcohol", "over-limit", "lifestyle-activity", "under-150-minutes")))));

            assertThat(codes(s)).containsExactly("alcohol-over-limit");
        }

        @Test
        void aHighDiabetesRiskScoreOfADiagnosedDiabeticIsNotRepeated() {
            Stratification s = classify(none().withQuestionnaires(List.of(questionnaire("cn-diabetes-risk", 30, "high-risk")))
                    .withPriorityGroups(Set.of("diabetes")));

            assertThat(codes(s)).containsExactly("priority-group-diabetes");
        }
    }

    @Nested
    class Plans {

        @Test
        void hypertensionMeansBloodPressureWeeklyAndAFollowUpEveryNinetyDays() {
            Stratification s = classify(none().withConditions(List.of(condition(ConditionCode.HYPERTENSION,
                    ConditionStatus.ACTIVE))));

            assertThat(s.plan().monitor()).singleElement().satisfies(m -> {
                assertThat(m.measure()).isEqualTo(Measure.BLOOD_PRESSURE);
                assertThat(m.everyDays()).isEqualTo(7);
                assertThat(m.reasonCodes()).containsExactly("condition-hypertension");
                assertThat(m.textZh()).isEqualTo("每周测量一次血压");
                assertThat(m.textEn()).isEqualTo("Measure your blood pressure every week");
            });
            assertThat(s.plan().followUpEveryDays()).isEqualTo(90);
        }

        @Test
        void diabetesMeansGlucoseWeekly() {
            Stratification s = classify(none().withPriorityGroups(Set.of("diabetes")));

            assertThat(s.plan().monitor()).singleElement().satisfies(m -> {
                assertThat(m.measure()).isEqualTo(Measure.GLUCOSE);
                assertThat(m.everyDays()).isEqualTo(7);
            });
        }

        @Test
        void theMostFrequentAskForAMeasureWinsAndKeepsEveryReason() {
            Stratification s = classify(none().withFindings(List.of(finding("bp-high-normal")))
                    .withConditions(List.of(condition(ConditionCode.STROKE, ConditionStatus.ACTIVE),
                            condition(ConditionCode.HYPERTENSION, ConditionStatus.ACTIVE))));

            assertThat(s.plan().monitor()).singleElement().satisfies(m -> {
                assertThat(m.everyDays()).isEqualTo(7);
                assertThat(m.reasonCodes()).containsExactly("condition-stroke", "condition-hypertension");
            });
        }

        @Test
        void higherRiskMeasuresMonthlyOrQuarterly() {
            Stratification s = classify(none().withFindings(List.of(finding("bp-high-normal"),
                    finding("glucose-fasting-impaired"), finding("bmi-overweight"), finding("waist-central-obesity"))));

            assertThat(s.plan().monitor()).extracting(MonitoringItem::measure, MonitoringItem::everyDays).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Measure.BLOOD_PRESSURE, 30),
                    org.assertj.core.groups.Tuple.tuple(Measure.GLUCOSE, 90),
                    org.assertj.core.groups.Tuple.tuple(Measure.WEIGHT, 30),
                    org.assertj.core.groups.Tuple.tuple(Measure.WAIST, 30));
            assertThat(s.plan().monitor().get(1).textEn()).isEqualTo("Measure your blood glucose every 3 months");
        }

        @Test
        void questionnaireRisksWithoutAMeasureAskOnlyForFollowUp() {
            Stratification s = classify(none().withQuestionnaires(List.of(questionnaire("phq-9", 12, "moderate"))));

            assertThat(s.plan().monitor()).isEmpty();
            assertThat(s.plan().followUpEveryDays()).isEqualTo(180);
        }

        @ParameterizedTest
        @CsvSource({ "64, false", "65, true" })
        void theElderlyAreToldOfTheirYearlyCheckUp(int age, boolean elderly) {
            Stratification s = classify(none().withAge(age));

            assertThat(s.plan().checkUpZh().contains("老年人健康管理")).isEqualTo(elderly);
            assertThat(s.plan().checkUpEveryDays()).isEqualTo(365);
        }

        @Test
        void theElderlyPriorityGroupCountsWithoutAKnownAge() {
            assertThat(classify(none().withPriorityGroups(Set.of("aged-65-plus"))).plan().checkUpEn())
                    .contains("national basic public health service");
        }
    }

    @Nested
    class CodesAndRules {

        @Test
        void rulesNeedAFollowUpIntervalForEveryClass() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StratificationRules(140, 90, 2, 90, 10, 10, 25, 65,
                    Map.of(HealthClass.ILL, 90), 365)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void anOperationIsOnlyRecoveredFrom() {
            assertThat(ConditionCode.AFTER_SURGERY.allows(ConditionStatus.ACTIVE)).isFalse();
            assertThat(ConditionCode.AFTER_SURGERY.allows(ConditionStatus.RECOVERING)).isTrue();
            assertThat(ConditionCode.HYPERTENSION.icd10()).contains("I10-I15");
            assertThat(ConditionCode.SEVERE_MENTAL_DISORDER.icd10()).isEmpty();
            assertThat(ConditionCode.byId("copd")).contains(ConditionCode.COPD);
            assertThat(HealthClass.fromId("higher-risk")).isEqualTo(HealthClass.HIGHER_RISK);
        }
    }
}
