package cn.sh.healthcloud.assessment.exercise;

import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.AEROBIC;
import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.RESISTANCE;
import static cn.sh.healthcloud.assessment.exercise.Residents.aerobic;
import static cn.sh.healthcloud.assessment.Readings.bmi;
import static cn.sh.healthcloud.assessment.Readings.bp;
import static cn.sh.healthcloud.assessment.exercise.Residents.codes;
import static cn.sh.healthcloud.assessment.Readings.glucose;
import static cn.sh.healthcloud.assessment.exercise.Residents.kinds;
import static cn.sh.healthcloud.assessment.exercise.Residents.precautionCodes;
import static cn.sh.healthcloud.assessment.exercise.Residents.prescribe;
import static cn.sh.healthcloud.assessment.Readings.read;
import static cn.sh.healthcloud.assessment.Readings.waist;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Readings;
import cn.sh.healthcloud.assessment.Finding;
import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Range;
import cn.sh.healthcloud.assessment.exercise.ExercisePrescription.Start;
import cn.sh.healthcloud.assessment.questionnaire.Text;
import cn.sh.healthcloud.measurement.Measurement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Risk findings of the report (through the real assessment engine) and what they do to the prescription. */
class RiskPrescriptionTest {

    private static final Person MAN_45 = Person.of(Sex.MALE, 45);

    @ParameterizedTest(name = "{0}/{1} mmHg: {2}")
    @CsvSource({
            "119, 79, NOW",
            "120, 79, NOW",
            "159, 99, NOW",
            "160, 99, AFTER_DOCTOR_REVIEW",
            "159, 100, AFTER_DOCTOR_REVIEW",
            "160, 100, AFTER_DOCTOR_REVIEW",
            "179, 109, AFTER_DOCTOR_REVIEW",
            "180, 109, SEE_DOCTOR_FIRST",
            "179, 110, SEE_DOCTOR_FIRST",
            "180, 110, SEE_DOCTOR_FIRST"
    })
    void bloodPressureEdges(double systolic, double diastolic, Start start) {
        ExercisePrescription p = prescribe(MAN_45, List.of(bp(systolic, diastolic, 70)));

        assertThat(p.start()).isEqualTo(start);
        boolean grade2 = start == Start.AFTER_DOCTOR_REVIEW;
        assertThat(p.hasPrecaution("exercise-precaution-blood-pressure-grade-2")).isEqualTo(grade2);
        if (grade2) {
            assertThat(p.startReasons()).extracting(Text::zh).containsExactly("血压处于2级高血压范围（≥160/100 mmHg）");
            assertThat(p.precautions()).filteredOn(c -> c.code().equals("exercise-precaution-blood-pressure-grade-2"))
                    .extracting(c -> c.text().zh()).singleElement().asString()
                    .contains("血压控制之前不要做快跑、搬举重物等剧烈运动", "开始运动前先请家庭医生评估");
            assertThat(codes(p).getFirst()).isEqualTo("exercise-after-doctor-review");
        }
        if (start == Start.SEE_DOCTOR_FIRST) {
            assertThat(p.components()).isEmpty();
            assertThat(p.precautions()).isEmpty();
            assertThat(codes(p)).containsExactly("exercise-see-doctor-first");
            assertThat(p.toPrescriptions().getFirst().textZh()).isEqualTo(
                    "暂不开具运动处方（血压已达危急值）：请先就医，待病情稳定、医生评估后再开始运动。");
        }
    }

    @ParameterizedTest(name = "{0}/{1} mmHg: raised {2}")
    @CsvSource({"119, 79, false", "120, 79, true", "119, 80, true", "145, 92, true", "165, 95, true"})
    void raisedBloodPressureMeans30To60MinutesOn4To7DaysAndNoBreathHolding(double systolic, double diastolic,
            boolean raised) {
        ExercisePrescription p = prescribe(MAN_45, List.of(bp(systolic, diastolic, 70)));

        assertThat(p.hasPrecaution("exercise-precaution-blood-pressure")).isEqualTo(raised);
        ExerciseComponent aerobic = aerobic(p);
        if (raised) {
            assertThat(aerobic.daysPerWeek()).isEqualTo(new Range(4, 7));
            assertThat(aerobic.minutesPerSession()).contains(new Range(30, 60));
            assertThat(aerobic.reasons()).extracting(Text::zh).contains("血压偏高");
            assertThat(aerobic.text().zh()).contains("每周至少4天，每次30–60分钟（每周累计至少150分钟）");
        } else {
            assertThat(aerobic.daysPerWeek()).isEqualTo(Range.of(5));
            assertThat(aerobic.reasons()).isEmpty();
        }
    }

    @Test
    void theUrgentLimitIsJudgedOnEveryReadingLikeTheReport() {
        // mean 170/100 is grade 2, but one reading reached 180: the report says urgent, and so does this.
        ExercisePrescription p = prescribe(MAN_45, List.of(bp(160, 95, 70), bp(180, 105, 72)));

        assertThat(p.start()).isEqualTo(Start.SEE_DOCTOR_FIRST);
    }

    @ParameterizedTest(name = "{1} glucose {0}: {2}")
    @CsvSource({
            "2.9, fasting, SEE_DOCTOR_FIRST, false",
            "3.0, fasting, AFTER_DOCTOR_REVIEW, true",
            "3.8, fasting, AFTER_DOCTOR_REVIEW, true",
            "3.9, fasting, NOW, false",
            "6.0, fasting, NOW, false",
            "6.1, fasting, NOW, true",
            "7.0, fasting, NOW, true",
            "16.7, fasting, NOW, true",
            "16.8, fasting, SEE_DOCTOR_FIRST, false",
            "3.8, random, AFTER_DOCTOR_REVIEW, true",
            "16.8, random, SEE_DOCTOR_FIRST, false",
            "12.0, postprandial-2h, NOW, true"
    })
    void glucoseEdges(double value, String context, Start start, boolean glucosePrecaution) {
        ExercisePrescription p = prescribe(MAN_45, List.of(glucose(value, context)));

        assertThat(p.start()).isEqualTo(start);
        assertThat(p.hasPrecaution("exercise-precaution-glucose")).isEqualTo(glucosePrecaution);
        if (start == Start.AFTER_DOCTOR_REVIEW) {
            assertThat(p.startReasons()).extracting(Text::zh).containsExactly("血糖偏低（<3.9 mmol/L）");
        }
        if (glucosePrecaution) {
            assertThat(p.precautions()).filteredOn(c -> c.code().equals("exercise-precaution-glucose"))
                    .extracting(c -> c.text().zh()).singleElement().asString()
                    .contains("血糖低于3.9 mmol/L或空腹血糖高于16.7 mmol/L时不要运动", "随身带糖果");
            assertThat(aerobic(p).reasons()).extracting(Text::en).contains("abnormal blood glucose");
        }
    }

    @Test
    void obesityMeansLowImpactExerciseAndCareForTheJoints() {
        ExercisePrescription p = prescribe(MAN_45, List.of(bmi(28)));

        ExerciseComponent aerobic = aerobic(p);
        assertThat(aerobic.activities().zh()).contains("对关节冲击小").doesNotContain("广场舞");
        assertThat(aerobic.activities().en()).startsWith("low-impact activity");
        assertThat(aerobic.daysPerWeek()).isEqualTo(new Range(5, 7));
        assertThat(aerobic.minutesPerSession()).contains(new Range(30, 60));
        assertThat(aerobic.minutesPerWeek()).contains(new Range(150, 300));
        assertThat(aerobic.text().zh()).contains("每周至少5天，每次30–60分钟（每周累计150–300分钟）", "逐步增加到每周300分钟");
        assertThat(precautionCodes(p)).contains("exercise-precaution-joints");
    }

    @Test
    void overweightAimsHigherWithoutTheLowImpactRestriction() {
        ExercisePrescription p = prescribe(MAN_45, List.of(bmi(27.9)));

        assertThat(aerobic(p).activities().zh()).doesNotContain("对关节冲击小");
        assertThat(aerobic(p).minutesPerWeek()).contains(new Range(150, 300));
        assertThat(precautionCodes(p)).doesNotContain("exercise-precaution-joints");
    }

    @ParameterizedTest(name = "waist {0} cm: aims for 300 minutes {1}")
    @CsvSource({"89, false", "90, true"})
    void centralObesityAimsHigherToo(double waistCm, boolean higher) {
        ExercisePrescription p = prescribe(MAN_45, List.of(waist(waistCm)));

        assertThat(aerobic(p).minutesPerWeek()).contains(higher ? new Range(150, 300) : Range.of(150));
    }

    @Test
    void raisedBloodPressureAndObesityTogetherTakeTheLargerOfEachBound() {
        ExerciseComponent aerobic = aerobic(prescribe(MAN_45, List.of(bp(145, 92, 70), bmi(29))));

        assertThat(aerobic.daysPerWeek()).isEqualTo(new Range(5, 7));
        assertThat(aerobic.minutesPerSession()).contains(new Range(30, 60));
        assertThat(aerobic.minutesPerWeek()).contains(new Range(150, 300));
        assertThat(aerobic.reasons()).extracting(Text::zh).containsExactly("血压偏高", "超重、肥胖或腰围超标");
    }

    @Test
    void feverPausesExercise() {
        ExercisePrescription p = prescribe(MAN_45, List.of(read("type", "temperature", "celsius", 37.5)));

        assertThat(p.start()).isEqualTo(Start.NOW);
        assertThat(precautionCodes(p)).contains("exercise-precaution-fever");
    }

    @Test
    void veryLowOxygenSaturationWaitsForTheDoctor() {
        ExercisePrescription p = prescribe(MAN_45, List.of(read("type", "spo2", "percent", 88)));

        assertThat(p.start()).isEqualTo(Start.AFTER_DOCTOR_REVIEW);
        assertThat(kinds(p)).containsExactly(AEROBIC, RESISTANCE);
    }

    @Test
    void severalReasonsAreAllGivenOnce() {
        ExercisePrescription p = prescribe(MAN_45, List.of(bp(185, 100, 70), glucose(17.5, "random"),
                glucose(18.0, "random")));

        assertThat(p.start()).isEqualTo(Start.SEE_DOCTOR_FIRST);
        assertThat(p.startReasons()).extracting(Text::zh).containsExactly("血压已达危急值", "血糖已达危急值");
    }

    /** A misspelt code in the prescriber would be ignored silently: every code it reads must be one the rules give. */
    @Test
    void everyFindingCodeThePrescriberReadsIsOneTheAssessmentGives() {
        Person man = Person.of(Sex.MALE, 45);
        List<Measurement> readings = List.of(bp(125, 82, 40), bp(145, 92, 110), bp(165, 102), bp(185, 112),
                ecg(40), ecg(110), Readings.ecg(70, "af-suspected"), Readings.ecg(70, "other"),
                glucose(2.5, "fasting"), glucose(3.5, "fasting"), glucose(6.5, "fasting"), glucose(7.5, "fasting"),
                glucose(17.0, "fasting"), glucose(8.0, "random"), glucose(12.0, "random"),
                glucose(8.0, "postprandial-2h"), glucose(12.0, "postprandial-2h"), bmi(25), bmi(29), waist(95),
                read("type", "waist-hip", "waistCm", 80.0, "hipCm", 85.0),
                read("type", "body-composition", "weightKg", 70.0, "bodyFatPercent", 30.0),
                read("type", "spo2", "percent", 85), read("type", "temperature", "celsius", 37.5),
                read("type", "temperature", "celsius", 39.5));
        Set<String> given = new HashSet<>();
        for (Measurement reading : readings) {
            Stream.of(Residents.ENGINE.assess(man, List.of(reading)).findings()).flatMap(List::stream)
                    .map(Finding::code).forEach(given::add);
        }

        assertThat(given).containsAll(ExercisePrescriber.codesRead());
    }

    private static Measurement ecg(double rate) {
        return Readings.ecg(rate, "sinus");
    }
}
