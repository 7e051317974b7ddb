package cn.sh.healthcloud.assessment.exercise;

import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.AEROBIC;
import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.BALANCE;
import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.FLEXIBILITY;
import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.RESISTANCE;
import static cn.sh.healthcloud.assessment.exercise.Residents.aerobic;
import static cn.sh.healthcloud.assessment.exercise.Residents.fiveFitnessTests;
import static cn.sh.healthcloud.assessment.exercise.Residents.grip;
import static cn.sh.healthcloud.assessment.exercise.Residents.kinds;
import static cn.sh.healthcloud.assessment.exercise.Residents.precautionCodes;
import static cn.sh.healthcloud.assessment.exercise.Residents.prescribe;
import static cn.sh.healthcloud.assessment.exercise.Residents.reactionTime;
import static cn.sh.healthcloud.assessment.exercise.Residents.singleLegStand;
import static cn.sh.healthcloud.assessment.exercise.Residents.sitAndReach;
import static cn.sh.healthcloud.assessment.exercise.Residents.vitalCapacity;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Prescription;
import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Range;
import cn.sh.healthcloud.assessment.exercise.FitnessNormTable.Row;
import cn.sh.healthcloud.assessment.questionnaire.Text;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fitness tests: not graded without a norm table; with one, weak components get targeted exercise. */
class FitnessTargetingTest {

    private static final Person MAN_35 = Person.of(Sex.MALE, 35);
    private static final Person MAN_62 = Person.of(Sex.MALE, 62);

    /**
     * A test-only table for men 30–39 and 60–69. The cut-offs are made up to exercise the logic;
     * they are NOT the national physical fitness standard's, which is not in the repository.
     */
    private static final ExercisePrescriber WITH_TEST_TABLE = new ExercisePrescriber(new FitnessNormTable(
            List.of(30, 60).stream().flatMap(from -> List.of(
                    new Row(MeasurementType.GRIP_STRENGTH, Sex.MALE, from, from + 9, List.of(25.0, 30.0, 35.0, 40.0)),
                    new Row(MeasurementType.SIT_AND_REACH, Sex.MALE, from, from + 9, List.of(0.0, 5.0, 10.0, 15.0)),
                    new Row(MeasurementType.VITAL_CAPACITY, Sex.MALE, from, from + 9,
                            List.of(2500.0, 3000.0, 3500.0, 4000.0)),
                    new Row(MeasurementType.REACTION_TIME, Sex.MALE, from, from + 9,
                            List.of(800.0, 650.0, 550.0, 450.0)),
                    new Row(MeasurementType.SINGLE_LEG_STAND, Sex.MALE, from, from + 9,
                            List.of(5.0, 10.0, 20.0, 40.0))).stream()).toList()));

    @Test
    void withoutANormTableEachOfTheFiveTestsSaysNotGraded() {
        ExercisePrescription p = prescribe(MAN_35, fiveFitnessTests());

        assertThat(p.fitnessTests()).extracting(FitnessResult::test).containsExactly(MeasurementType.VITAL_CAPACITY,
                MeasurementType.GRIP_STRENGTH, MeasurementType.SIT_AND_REACH, MeasurementType.REACTION_TIME,
                MeasurementType.SINGLE_LEG_STAND);
        assertThat(p.fitnessTests()).allSatisfy(f -> {
            assertThat(f.graded()).isFalse();
            assertThat(f.weak()).isFalse();
            assertThat(f.text().zh()).endsWith("：未评级（暂无适用的国民体质测定标准评分表）");
            assertThat(f.text().en()).endsWith(": not graded (norm table not available)");
        });
        assertThat(p.fitnessTests()).extracting(f -> f.text().en()).containsExactly(
                "Vital capacity 3200 mL: not graded (norm table not available)",
                "Grip strength 33.5 kg: not graded (norm table not available)",
                "Sit-and-reach 6 cm: not graded (norm table not available)",
                "Choice reaction time 520 ms: not graded (norm table not available)",
                "Single-leg stand, eyes closed 14 s: not graded (norm table not available)");
        Prescription line = p.toPrescriptions().getLast();
        assertThat(line.code()).isEqualTo("exercise-fitness-tests");
        assertThat(line.textZh()).startsWith("体质测试：肺活量 3200 毫升：未评级").contains("握力 33.5 千克：未评级",
                "坐位体前屈 6 厘米：未评级", "选择反应时 520 毫秒：未评级", "闭眼单脚站立 14 秒：未评级");
        // nothing is targeted from a test that was not graded
        assertThat(kinds(p)).containsExactly(AEROBIC, RESISTANCE);
        assertThat(p.component(RESISTANCE).orElseThrow().reasons()).isEmpty();
    }

    @Test
    void withoutAgeOrSexATestCannotBeGraded() {
        Person sexUnknown = new Person(Optional.empty(), OptionalInt.of(35));

        ExercisePrescription p = prescribe(WITH_TEST_TABLE, sexUnknown, List.of(grip(20)));

        assertThat(p.fitnessTests()).singleElement().satisfies(f -> {
            assertThat(f.graded()).isFalse();
            assertThat(f.text().zh()).isEqualTo("握力 20 千克：未评级（年龄或性别未知）");
        });
    }

    @Test
    void anAgeTheTableDoesNotCoverIsNotGraded() {
        ExercisePrescription p = prescribe(WITH_TEST_TABLE, Person.of(Sex.MALE, 45), List.of(grip(20)));

        assertThat(p.fitnessTests().getFirst().text().en()).isEqualTo(
                "Grip strength 20 kg: not graded (norm table not available)");
        assertThat(p.component(RESISTANCE).orElseThrow().reasons()).isEmpty();
    }

    @ParameterizedTest(name = "grip {0} kg: grade {1}, targeted {2}")
    @CsvSource({"20, 1, true", "25, 2, true", "29.9, 2, true", "30, 3, false", "41, 5, false"})
    void aWeakGripGetsTargetedStrengthExercise(double kg, int grade, boolean weak) {
        ExercisePrescription p = prescribe(WITH_TEST_TABLE, MAN_35, List.of(grip(kg)));

        FitnessResult result = p.fitnessTests().getFirst();
        assertThat(result.grade()).contains(new Grade(grade));
        assertThat(result.weak()).isEqualTo(weak);
        ExerciseComponent resistance = p.component(RESISTANCE).orElseThrow();
        if (weak) {
            assertThat(resistance.activities().zh()).contains("加练握力");
            assertThat(resistance.reasons()).extracting(Text::zh).containsExactly("握力偏弱（" + grade + "/5分）");
            assertThat(resistance.text().zh()).endsWith("（针对：握力偏弱（" + grade + "/5分））");
            assertThat(result.text().zh()).endsWith("：" + grade + "/5分，偏弱");
        } else {
            assertThat(resistance.activities().zh()).doesNotContain("握力");
            assertThat(resistance.reasons()).isEmpty();
            assertThat(result.text().en()).endsWith(": grade " + grade + " of 5");
        }
    }

    @Test
    void aLowSitAndReachGetsFlexibility() {
        ExercisePrescription weak = prescribe(WITH_TEST_TABLE, MAN_35, List.of(sitAndReach(-3)));
        ExercisePrescription fine = prescribe(WITH_TEST_TABLE, MAN_35, List.of(sitAndReach(12)));

        ExerciseComponent flexibility = weak.component(FLEXIBILITY).orElseThrow();
        assertThat(flexibility.reasons()).extracting(Text::zh).containsExactly("坐位体前屈偏弱（1/5分）");
        assertThat(flexibility.daysPerWeek()).isEqualTo(new Range(2, 3));
        assertThat(flexibility.text().zh()).startsWith("柔韧练习：静态拉伸").contains("保持10–30秒，重复2–4次");
        assertThat(fine.component(FLEXIBILITY)).isEmpty();
    }

    @Test
    void aPoorSingleLegStandOrSlowReactionGetsBalanceWithFallPreventionFrom60() {
        ExercisePrescription young = prescribe(WITH_TEST_TABLE, MAN_35, List.of(singleLegStand(3)));
        ExercisePrescription older = prescribe(WITH_TEST_TABLE, MAN_62, List.of(reactionTime(900)));

        ExerciseComponent youngBalance = young.component(BALANCE).orElseThrow();
        assertThat(youngBalance.daysPerWeek()).isEqualTo(new Range(2, 3));
        assertThat(youngBalance.reasons()).extracting(Text::zh).containsExactly("闭眼单脚站立偏弱（1/5分）");
        assertThat(youngBalance.text().zh()).doesNotContain("预防跌倒");
        assertThat(precautionCodes(young)).doesNotContain("exercise-precaution-falls");

        ExerciseComponent olderBalance = older.component(BALANCE).orElseThrow();
        assertThat(olderBalance.reasons()).extracting(Text::en).containsExactly("weak choice reaction time (grade 1 of 5)");
        assertThat(olderBalance.text().zh()).contains("以预防跌倒为重点");
        assertThat(precautionCodes(older)).contains("exercise-precaution-falls");

        assertThat(prescribe(WITH_TEST_TABLE, MAN_62, List.of(reactionTime(500), singleLegStand(25)))
                .component(BALANCE)).isEmpty();
    }

    @Test
    void aLowVitalCapacityGetsEnduranceAndBreathingExercise() {
        ExercisePrescription p = prescribe(WITH_TEST_TABLE, MAN_35, List.of(vitalCapacity(2400)));

        assertThat(aerobic(p).activities().zh()).contains("腹式呼吸和缩唇呼吸");
        assertThat(aerobic(p).reasons()).extracting(Text::zh).containsExactly("肺活量偏弱（1/5分）");
        assertThat(aerobic(prescribe(WITH_TEST_TABLE, MAN_35, List.of(vitalCapacity(3600)))).activities().zh())
                .doesNotContain("呼吸");
    }

    @Test
    void theBestAttemptCounts() {
        ExercisePrescription p = prescribe(WITH_TEST_TABLE, MAN_35, List.of(grip(20), grip(36), grip(31),
                reactionTime(900), reactionTime(500)));

        assertThat(p.fitnessTests()).extracting(FitnessResult::value).containsExactly(36.0, 500.0);
        assertThat(p.fitnessTests()).extracting(f -> f.grade().orElseThrow().points()).containsExactly(4, 4);
        assertThat(p.component(RESISTANCE).orElseThrow().reasons()).isEmpty();
        assertThat(p.component(BALANCE)).isEmpty();
    }

    @Test
    void allFiveWeakTargetsEveryComponent() {
        ExercisePrescription p = prescribe(WITH_TEST_TABLE, MAN_35, List.of(vitalCapacity(2000), grip(22),
                sitAndReach(-5), reactionTime(850), singleLegStand(4)));

        assertThat(kinds(p)).containsExactly(AEROBIC, RESISTANCE, FLEXIBILITY, BALANCE);
        assertThat(p.component(BALANCE).orElseThrow().reasons()).hasSize(2);
        assertThat(p.toPrescriptions().getLast().textZh()).contains("握力 22 千克：1/5分，偏弱");
    }
}
