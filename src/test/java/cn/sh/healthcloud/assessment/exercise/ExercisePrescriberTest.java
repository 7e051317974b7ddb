package cn.sh.healthcloud.assessment.exercise;

import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.AEROBIC;
import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.BALANCE;
import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.FLEXIBILITY;
import static cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind.RESISTANCE;
import static cn.sh.healthcloud.assessment.exercise.Residents.aerobic;
import static cn.sh.healthcloud.assessment.Readings.bmi;
import static cn.sh.healthcloud.assessment.Readings.bp;
import static cn.sh.healthcloud.assessment.exercise.Residents.codes;
import static cn.sh.healthcloud.assessment.Readings.ecg;
import static cn.sh.healthcloud.assessment.Readings.glucose;
import static cn.sh.healthcloud.assessment.exercise.Residents.kinds;
import static cn.sh.healthcloud.assessment.exercise.Residents.precautionCodes;
import static cn.sh.healthcloud.assessment.exercise.Residents.prescribe;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Effort;
import cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Range;
import cn.sh.healthcloud.assessment.exercise.ExercisePrescription.Start;
import cn.sh.healthcloud.assessment.exercise.HeartRateRange.Method;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The general prescription, its heart-rate target and its text; children by age. */
class ExercisePrescriberTest {

    private static final Person MAN_30 = Person.of(Sex.MALE, 30);

    @Test
    void aHealthyThirtyYearOldGetsTheGeneral150MinutesAWeek() {
        ExercisePrescription p = prescribe(MAN_30, List.of(bp(118, 76, 70), glucose(5.0, "fasting"), bmi(22)));

        assertThat(p.start()).isEqualTo(Start.NOW);
        assertThat(p.startReasons()).isEmpty();
        assertThat(kinds(p)).containsExactly(AEROBIC, RESISTANCE);
        ExerciseComponent aerobic = aerobic(p);
        assertThat(aerobic.effort()).isEqualTo(Effort.MODERATE);
        assertThat(aerobic.daysPerWeek()).isEqualTo(Range.of(5));
        assertThat(aerobic.minutesPerSession()).contains(Range.of(30));
        assertThat(aerobic.minutesPerWeek()).contains(Range.of(150));
        assertThat(aerobic.reasons()).isEmpty();
        assertThat(p.component(RESISTANCE).orElseThrow().daysPerWeek()).isEqualTo(new Range(2, 3));
        assertThat(codes(p)).containsExactly("exercise-aerobic-moderate", "exercise-resistance-moderate",
                "exercise-precaution-warning-signs", "exercise-precaution-heart-rate-medicines");
        assertThat(p.fitnessTests()).isEmpty();
    }

    @Test
    void theAerobicLineStatesFittConcretely() {
        ExercisePrescription p = prescribe(MAN_30, List.of(bp(118, 76, 70)));

        // 220 − 30 = 190; reserve 190 − 70 = 120; 70 + 0.40 × 120 = 118; 70 + 0.59 × 120 = 140.8
        assertThat(aerobic(p).text().zh()).isEqualTo("有氧运动：快走、骑自行车、游泳或跳广场舞等，每周5天，每次30分钟"
                + "（每周累计至少150分钟），中等强度：心率保持在每分钟118–141次，或感觉“有点吃力”（能说话但不能唱歌）。"
                + "平时活动少的人从较短时间、较低强度开始，先逐步延长时间，再提高强度；每次可分几段累计完成。");
        assertThat(aerobic(p).text().en()).startsWith("Aerobic exercise: brisk walking, cycling, swimming or square"
                + " dancing, 5 days a week, 30 minutes each time (at least 150 minutes a week), moderate intensity:"
                + " keeping your heart rate at 118–141 beats a minute, or at a 'somewhat hard' effort (you can talk"
                + " but not sing).");
        assertThat(p.component(RESISTANCE).orElseThrow().text().zh())
                .startsWith("力量练习：弹力带、哑铃或装水的瓶子").contains("每周2–3天", "8–12次", "不要憋气");
    }

    @Test
    void theRestingPulseGivesTheKarvonenRange() {
        HeartRateRange hr = aerobic(prescribe(MAN_30, List.of(bp(118, 76, 70)))).heartRate().orElseThrow();

        assertThat(hr.method()).isEqualTo(Method.HEART_RATE_RESERVE);
        assertThat(hr.restingHeartRate()).isEqualTo(OptionalInt.of(70));
        assertThat(hr.from()).isEqualTo(118);
        assertThat(hr.to()).isEqualTo(141);
    }

    @Test
    void severalPulsesAreAveraged() {
        // mean pulse 72.5 → 73; 220 − 50 = 170; reserve 97; 73 + 38.8 = 111.8; 73 + 57.23 = 130.23
        HeartRateRange hr = aerobic(prescribe(Person.of(Sex.FEMALE, 50),
                List.of(bp(118, 76, 71), bp(116, 74, 74)))).heartRate().orElseThrow();

        assertThat(hr.restingHeartRate()).isEqualTo(OptionalInt.of(73));
        assertThat(hr.from()).isEqualTo(112);
        assertThat(hr.to()).isEqualTo(130);
    }

    @Test
    void withoutAPulseTheEcgRateIsTheRestingRate() {
        // 220 − 40 = 180; reserve 120; 60 + 48 = 108; 60 + 70.8 = 130.8
        HeartRateRange hr = aerobic(prescribe(Person.of(Sex.MALE, 40), List.of(ecg(60, "sinus"))))
                .heartRate().orElseThrow();

        assertThat(hr.method()).isEqualTo(Method.HEART_RATE_RESERVE);
        assertThat(hr.from()).isEqualTo(108);
        assertThat(hr.to()).isEqualTo(131);
    }

    @Test
    void withoutAnyRestingRateTheRangeIsAShareOfTheMaximum() {
        ExercisePrescription p = prescribe(MAN_30, List.of(bmi(22)));

        HeartRateRange hr = aerobic(p).heartRate().orElseThrow();
        assertThat(hr.method()).isEqualTo(Method.PERCENT_OF_MAXIMUM);
        assertThat(hr.from()).isEqualTo(122);
        assertThat(hr.to()).isEqualTo(144);
        assertThat(aerobic(p).text().zh()).contains("心率保持在每分钟122–144次，或感觉“有点吃力”");
    }

    @Test
    void aRestingRateOutsideTheNormalBandIsNotUsed() {
        ExercisePrescription p = prescribe(MAN_30, List.of(bp(118, 76, 110)));

        assertThat(aerobic(p).heartRate().orElseThrow().method()).isEqualTo(Method.PERCENT_OF_MAXIMUM);
        assertThat(precautionCodes(p)).contains("exercise-precaution-resting-heart-rate");
        assertThat(precautionCodes(prescribe(MAN_30, List.of(bp(118, 76, 70)))))
                .doesNotContain("exercise-precaution-resting-heart-rate");
    }

    @Test
    void theExertionAlternativeIsAlwaysThereAndTheBetaBlockerNoteWithEveryHeartRateTarget() {
        ExercisePrescription withRate = prescribe(MAN_30, List.of(bp(118, 76, 70)));
        ExercisePrescription ageUnknown = prescribe(Person.unknown(), List.of(bp(118, 76, 70)));

        assertThat(aerobic(withRate).text().zh()).contains("有点吃力");
        assertThat(withRate.hasPrecaution("exercise-precaution-heart-rate-medicines")).isTrue();
        assertThat(aerobic(ageUnknown).heartRate()).isEmpty();
        assertThat(aerobic(ageUnknown).text().zh()).contains("中等强度：感觉“有点吃力”").doesNotContain("心率保持");
        assertThat(ageUnknown.hasPrecaution("exercise-precaution-heart-rate-medicines")).isFalse();
    }

    @Test
    void anIrregularRhythmHasNoHeartRateTargetAndWaitsForTheDoctor() {
        ExercisePrescription p = prescribe(Person.of(Sex.FEMALE, 68), List.of(ecg(88, "af-suspected")));

        assertThat(aerobic(p).heartRate()).isEmpty();
        assertThat(aerobic(p).text().zh()).contains("有点吃力");
        assertThat(precautionCodes(p)).contains("exercise-precaution-irregular-rhythm")
                .doesNotContain("exercise-precaution-heart-rate-medicines");
        assertThat(p.start()).isEqualTo(Start.AFTER_DOCTOR_REVIEW);
        assertThat(p.startReasons()).extracting(t -> t.en()).containsExactly("the ECG suggests atrial fibrillation");
        assertThat(codes(p).getFirst()).isEqualTo("exercise-after-doctor-review");
        assertThat(p.toPrescriptions().getFirst().textZh()).contains("请先请家庭医生评估（心电图提示疑似房颤）");
    }

    @ParameterizedTest(name = "age {0}: balance and flexibility {1}")
    @CsvSource({"64, false", "65, true", "80, true"})
    void from65BalanceOnAtLeast3DaysAndFlexibility(int age, boolean older) {
        ExercisePrescription p = prescribe(Person.of(Sex.FEMALE, age), List.of(bp(118, 76, 70)));

        if (!older) {
            assertThat(kinds(p)).containsExactly(AEROBIC, RESISTANCE);
            return;
        }
        assertThat(kinds(p)).containsExactly(AEROBIC, RESISTANCE, FLEXIBILITY, BALANCE);
        ExerciseComponent balance = p.component(BALANCE).orElseThrow();
        assertThat(balance.daysPerWeek()).isEqualTo(new Range(3, 7));
        assertThat(balance.text().zh()).startsWith("平衡练习：太极拳、八段锦").contains("每周至少3天，每次20–30分钟", "预防跌倒");
        assertThat(p.component(FLEXIBILITY).orElseThrow().text().zh()).contains("保持30–60秒");
        assertThat(p.component(RESISTANCE).orElseThrow().text().zh()).contains("10–15次");
        assertThat(precautionCodes(p)).contains("exercise-precaution-falls");
        assertThat(aerobic(p).text().zh()).contains("如身体条件达不到每周150分钟，也要尽量多活动");
    }

    @ParameterizedTest(name = "age {0}")
    @CsvSource({"6", "12", "17"})
    void childrenGet60MinutesEveryDayAndNoHeartRateTarget(int age) {
        ExercisePrescription p = prescribe(Person.of(Sex.MALE, age), List.of(bp(105, 65, 85)));

        assertThat(p.start()).isEqualTo(Start.NOW);
        assertThat(kinds(p)).containsExactly(AEROBIC, RESISTANCE);
        assertThat(aerobic(p).effort()).isEqualTo(Effort.MODERATE_TO_VIGOROUS);
        assertThat(aerobic(p).heartRate()).isEmpty();
        assertThat(aerobic(p).text().zh()).contains("每天", "每天累计至少60分钟");
        assertThat(p.component(RESISTANCE).orElseThrow().daysPerWeek()).isEqualTo(new Range(3, 7));
        assertThat(codes(p)).containsExactly("exercise-aerobic-moderate-to-vigorous",
                "exercise-resistance-moderate-to-vigorous", "exercise-precaution-warning-signs");
    }

    @Test
    void eighteenIsAnAdult() {
        assertThat(aerobic(prescribe(Person.of(Sex.MALE, 18), List.of(bp(118, 76, 70)))).effort())
                .isEqualTo(Effort.MODERATE);
    }

    @ParameterizedTest(name = "age {0}")
    @CsvSource({"0", "5"})
    void underSixIsNotPrescribedHere(int age) {
        ExercisePrescription p = prescribe(Person.of(Sex.FEMALE, age), List.of());

        assertThat(p.start()).isEqualTo(Start.NOT_FOR_THIS_AGE);
        assertThat(p.components()).isEmpty();
        assertThat(codes(p)).containsExactly("exercise-not-for-this-age");
    }

    @Test
    void nothingMeasuredStillGivesTheGeneralPrescriptionWithoutAHeartRateRangeForAnonymousUsers() {
        ExercisePrescription p = prescribe(Person.unknown(), List.of());

        assertThat(p.start()).isEqualTo(Start.NOW);
        assertThat(kinds(p)).containsExactly(AEROBIC, RESISTANCE);
        assertThat(aerobic(p).heartRate()).isEqualTo(Optional.empty());
    }
}
