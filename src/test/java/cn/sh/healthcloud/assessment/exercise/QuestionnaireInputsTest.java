package cn.sh.healthcloud.assessment.exercise;

import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.AEROBIC;
import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.BALANCE;
import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.FLEXIBILITY;
import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.RESISTANCE;
import static cn.sh.healthcloud.assessment.exercise.Residents.aerobic;
import static cn.sh.healthcloud.assessment.exercise.Residents.codes;
import static cn.sh.healthcloud.assessment.exercise.Residents.frail;
import static cn.sh.healthcloud.assessment.exercise.Residents.kinds;
import static cn.sh.healthcloud.assessment.exercise.Residents.precautionCodes;
import static cn.sh.healthcloud.assessment.exercise.Residents.prescribe;
import static cn.sh.healthcloud.assessment.exercise.Residents.strokeRisk;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Readings;
import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Effort;
import cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Range;
import cn.sh.healthcloud.assessment.exercise.ExercisePrescription.Start;
import cn.sh.healthcloud.assessment.exercise.HeartRateRange.Method;
import cn.sh.healthcloud.assessment.questionnaire.QuestionnaireResult;
import cn.sh.healthcloud.assessment.questionnaire.Text;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Questionnaire results (scored by the shipped definitions) that change the prescription. */
class QuestionnaireInputsTest {

    private static final Person WOMAN_75 = Person.of(Sex.FEMALE, 75);
    private static final Person MAN_50 = Person.of(Sex.MALE, 50);

    @Test
    void frailMeansSupervisedStrengthAndBalanceFirstAndALightStart() {
        QuestionnaireResult result = frail(3);
        assertThat(result.band().code()).isEqualTo("frail");

        ExercisePrescription p = prescribe(WOMAN_75, List.of(), result);

        assertThat(p.start()).isEqualTo(Start.AFTER_DOCTOR_REVIEW);
        assertThat(p.startReasons()).extracting(Text::zh).containsExactly("衰弱筛查（FRAIL）结果为衰弱");
        assertThat(kinds(p)).containsExactly(RESISTANCE, BALANCE, AEROBIC, FLEXIBILITY);
        assertThat(codes(p)).startsWith("exercise-after-doctor-review", "exercise-resistance-light",
                "exercise-balance", "exercise-aerobic-light", "exercise-flexibility");
        ExerciseComponent aerobic = aerobic(p);
        assertThat(aerobic.effort()).isEqualTo(Effort.LIGHT);
        // no resting rate: 220 − 75 = 145; 145 × 0.57 = 82.65; 145 × 0.63 = 91.35
        HeartRateRange hr = aerobic.heartRate().orElseThrow();
        assertThat(hr.method()).isEqualTo(Method.PERCENT_OF_MAXIMUM);
        assertThat(hr.from()).isEqualTo(83);
        assertThat(hr.to()).isEqualTo(91);
        assertThat(aerobic.text().zh()).contains("低强度：心率保持在每分钟83–91次", "先做力量和平衡练习");
        assertThat(p.component(BALANCE).orElseThrow().daysPerWeek()).isEqualTo(new Range(3, 7));
        assertThat(precautionCodes(p)).contains("exercise-precaution-frailty", "exercise-precaution-falls");
    }

    @Test
    void frailWithARestingPulseUsesTheLightReserveRange() {
        // 220 − 70 = 150; reserve 70; 80 + 21 = 101; 80 + 27.3 = 107.3
        ExercisePrescription p = prescribe(Person.of(Sex.MALE, 70), List.of(Readings.bp(118, 76, 80)), frail(4));

        HeartRateRange hr = aerobic(p).heartRate().orElseThrow();
        assertThat(hr.from()).isEqualTo(101);
        assertThat(hr.to()).isEqualTo(107);
    }

    @ParameterizedTest(name = "{0} deficits: balance {1}")
    @CsvSource({"0, false", "1, true", "2, true"})
    void preFrailAddsBalanceOnAtLeast3DaysAndAGentleStrengthStart(int deficits, boolean preFrail) {
        ExercisePrescription p = prescribe(MAN_50, List.of(), frail(deficits));

        assertThat(p.start()).isEqualTo(Start.NOW);
        if (!preFrail) {
            assertThat(kinds(p)).containsExactly(AEROBIC, RESISTANCE);
            return;
        }
        assertThat(kinds(p)).containsExactly(AEROBIC, RESISTANCE, BALANCE);
        assertThat(p.component(BALANCE).orElseThrow().daysPerWeek()).isEqualTo(new Range(3, 7));
        assertThat(p.component(BALANCE).orElseThrow().reasons()).extracting(Text::en)
                .containsExactly("the FRAIL screen found pre-frailty");
        assertThat(p.component(RESISTANCE).orElseThrow().text().zh()).contains("从较轻的阻力开始", "10–15次");
        assertThat(aerobic(p).effort()).isEqualTo(Effort.MODERATE);
    }

    @Test
    void aHighStrokeRiskWaitsForTheDoctor() {
        QuestionnaireResult high = strokeRisk("stroke-smoking", "stroke-inactivity", "stroke-family-history");
        QuestionnaireResult low = strokeRisk();
        assertThat(high.band().code()).isEqualTo("high");
        assertThat(low.band().code()).isEqualTo("low");

        ExercisePrescription p = prescribe(MAN_50, List.of(), high);

        assertThat(p.start()).isEqualTo(Start.AFTER_DOCTOR_REVIEW);
        assertThat(p.startReasons()).extracting(Text::zh).containsExactly("脑卒中风险筛查为高危");
        assertThat(aerobic(p).reasons()).extracting(Text::zh).contains("脑卒中风险筛查为高危");
        assertThat(prescribe(MAN_50, List.of(), low).start()).isEqualTo(Start.NOW);
    }

    @Test
    void aPreviousStrokeIsHighRiskWhateverTheScore() {
        assertThat(prescribe(MAN_50, List.of(), strokeRisk("stroke-history")).start())
                .isEqualTo(Start.AFTER_DOCTOR_REVIEW);
    }

    @ParameterizedTest(name = "systolic {0}: score {1}")
    @CsvSource({"105, 24, false", "115, 25, true"})
    void aDiabetesRiskScoreOf25OrMoreIsAReasonForTheAerobicExercise(double systolic, int score, boolean high) {
        QuestionnaireResult result = Residents.diabetesRisk(systolic);
        assertThat(result.score()).isEqualTo(score);

        ExercisePrescription p = prescribe(Person.of(Sex.MALE, 45), List.of(), result);

        assertThat(p.start()).isEqualTo(Start.NOW);
        assertThat(aerobic(p).minutesPerWeek()).contains(Range.of(150));
        if (high) {
            assertThat(aerobic(p).reasons()).extracting(Text::zh).containsExactly("糖尿病风险评分≥25分");
        } else {
            assertThat(aerobic(p).reasons()).isEmpty();
        }
    }

    @Test
    void aPhq9AlertIsAboutMoodAndDoesNotHoldExerciseBack() {
        Map<String, Object> answers = new HashMap<>();
        for (int i = 1; i <= 9; i++) {
            answers.put("phq9-" + i, "not-at-all");
        }
        answers.put("phq9-9", "several-days");
        QuestionnaireResult result = Residents.score("phq-9", answers);
        assertThat(result.urgent()).isTrue();

        assertThat(prescribe(MAN_50, List.of(), result).start()).isEqualTo(Start.NOW);
    }
}
