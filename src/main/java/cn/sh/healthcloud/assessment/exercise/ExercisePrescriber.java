package cn.sh.healthcloud.assessment.exercise;

import static java.util.Map.entry;

import cn.sh.healthcloud.assessment.Finding;
import cn.sh.healthcloud.assessment.Level;
import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Effort;
import cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Kind;
import cn.sh.healthcloud.assessment.exercise.ExerciseComponent.Range;
import cn.sh.healthcloud.assessment.exercise.ExercisePrescription.Start;
import cn.sh.healthcloud.assessment.questionnaire.QuestionnaireResult;
import cn.sh.healthcloud.assessment.questionnaire.Text;
import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a resident's exercise prescription (科学运动处方) from who they are, their measurements,
 * the report's findings and their questionnaire results. Risks are read from the finding codes
 * of the assessment rules, so the prescription and the report never disagree about a reading;
 * measurements give only the resting heart rate and the fitness test values. Pure and
 * thread-safe: one prescriber serves every resident.
 *
 * <h2>What it prescribes</h2>
 * <ul>
 * <li><b>Start.</b> Any finding at the URGENT level (blood pressure at the danger level, by
 *     default ≥ 180/110 mmHg; glucose below 3.0 or above 16.7 mmol/L) means no prescription: see
 *     a doctor first. A doctor's review comes before starting with blood pressure in the grade 2
 *     range (≥ 160/100 mmHg), glucose below 3.9 mmol/L, an ECG suggesting atrial fibrillation or
 *     another non-sinus rhythm, very low oxygen saturation, a FRAIL result of "frail" or a stroke
 *     risk screen of "high". A PHQ-9 alert does not hold exercise back: it is about mood, not
 *     about whether exercise is safe.</li>
 * <li><b>Adults (18 and over, and anyone whose age is not known).</b> Aerobic exercise, moderate
 *     (40–59 % of heart-rate reserve, RPE 12–13 "somewhat hard"), 5 days a week for 30 minutes,
 *     at least 150 minutes a week; light (30–39 %, RPE 9–11) to start with for the frail. Raised
 *     blood pressure: 30–60 minutes on 4–7 days. Overweight, obesity or central obesity: 30–60
 *     minutes on 5–7 days, 150–300 minutes a week; obesity (BMI): low-impact activities. Strength
 *     exercise 2–3 days a week for everyone, as both guidelines ask for it on at least 2 days.
 *     Flexibility from 65 or with a weak sit-and-reach; balance from 65, when frail or pre-frail
 *     (at least 3 days a week) or with a weak single-leg stand or choice reaction time (2–3 days).
 *     A weak grip adds grip work to the strength exercise; a weak vital capacity adds breathing
 *     exercise to the aerobic. Questionnaires: FRAIL "frail" puts supervised strength and balance
 *     work first and starts aerobic work light; "pre-frail" adds balance work and a gentle start
 *     to strength work; a diabetes risk score of 25 or more ("high-risk") and a stroke risk of
 *     "high" are named as reasons for the aerobic exercise.</li>
 * <li><b>Children 6–17.</b> At least 60 minutes of moderate to vigorous activity every day and
 *     muscle- and bone-strengthening activity on at least 3 days a week; no heart-rate target,
 *     as the adult formulas do not apply. Under 6: not prescribed here.</li>
 * <li><b>Heart rate.</b> HRmax = 220 − age. With a resting rate measured in the session (the
 *     blood-pressure monitor's pulse, else the ECG's rate) and not flagged as outside the normal
 *     band, the target is the Karvonen range; otherwise 64–76 % of HRmax (57–63 % for light).
 *     With an irregular rhythm there is no heart-rate target. The perceived-exertion target is
 *     always printed beside the heart rate, and a precaution says that beta-blockers make the
 *     heart-rate range unreliable.</li>
 * <li><b>Fitness tests.</b> Each is graded by the {@link FitnessNorms} given (the best attempt of
 *     the session counts); a grade of 1–2 out of 5 is weak. Without a table covering the person
 *     the test is "not graded: norm table not available", and nothing is targeted from it.</li>
 * </ul>
 *
 * <h2>SOURCES</h2>
 * <ul>
 * <li>《中国人群身体活动指南（2021）》编写委员会. 中国人群身体活动指南（2021）. 中华流行病学杂志
 *     2022;43(1):5–6 (Physical Activity Guidelines for Chinese, 2021): adults 150–300 minutes of
 *     moderate aerobic activity a week and muscle strengthening on at least 2 days; 65 and over
 *     the same, plus balance, agility and flexibility exercise, and as much as they can if 150
 *     minutes is beyond them; 6–17 at least 60 minutes of moderate to vigorous activity a day and
 *     muscle and bone strengthening on at least 3 days a week; people with a chronic disease
 *     consult a doctor before starting.</li>
 * <li>WHO guidelines on physical activity and sedentary behaviour. Geneva: World Health
 *     Organization; 2020 (Bull FC et al., Br J Sports Med 2020;54(24):1451–1462): the same adult
 *     and child amounts; older adults multicomponent balance and strength activity on 3 or more
 *     days a week to prevent falls; start with small amounts and increase frequency, intensity
 *     and duration gradually.</li>
 * <li>ACSM's Guidelines for Exercise Testing and Prescription, 11th ed. (Wolters Kluwer, 2021),
 *     the FITT(-VP) framework, and Garber CE et al., ACSM position stand, Med Sci Sports Exerc
 *     2011;43(7):1334–1359: intensity classes (light 30–39 % HRR / 57–63 % HRmax / RPE 9–11;
 *     moderate 40–59 % HRR / 64–76 % HRmax / RPE 12–13 on the 6–20 scale); resistance training
 *     of the major muscle groups 2–3 days a week, 8–12 repetitions (10–15 for older or
 *     deconditioned people starting), 2–4 sets (one set can be effective for beginners), 48 hours
 *     between sessions for the same muscle group; flexibility at least 2–3 days a week, each
 *     stretch held 10–30 s (30–60 s for older people) to tightness, 2–4 repetitions; neuromotor
 *     (balance) exercise 2–3 days a week, 20–30 minutes; warm-up and cool-down of at least 5–10
 *     minutes. Beta-blockers blunt the heart-rate response, so perceived exertion is the guide.</li>
 * <li>Karvonen MJ, Kentala E, Mustala O. The effects of training on heart rate; a longitudinal
 *     study. Ann Med Exp Biol Fenn 1957;35(3): target = rest + fraction × (max − rest).</li>
 * <li>中国高血压防治指南修订委员会.《中国高血压防治指南（2018年修订版）》: 30–60 minutes of
 *     moderate exercise on 4–7 days a week for people with or at risk of hypertension; maximum
 *     heart rate estimated as 220 − age; high-risk patients assessed before exercising. This is
 *     why HRmax = 220 − age here rather than Gellish's 207 − 0.7 × age.</li>
 * <li>中华医学会糖尿病学分会.《中国2型糖尿病防治指南（2017年版）》(中华糖尿病杂志 2018;10(1)):
 *     at least 150 minutes a week of moderate exercise (for example 30 minutes on 5 days);
 *     strength exercise 2–3 times a week; no exercise with fasting glucose above 16.7 mmol/L or
 *     with repeated hypoglycaemia. 3.9 mmol/L is the hypoglycaemia level of
 *     ../shared/reference/vital-signs.md.</li>
 * <li>The talk test for moderate intensity ("you can talk but not sing"): US CDC, Measuring
 *     Physical Activity Intensity.</li>
 * </ul>
 * Choices of this service, not numbers from a guideline: holding exercise back at the urgent
 * blood-pressure and glucose levels and asking for a doctor's review at grade 2 blood pressure,
 * below 3.9 mmol/L, with an abnormal ECG, very low SpO2, frailty or a high stroke risk follows
 * the guidelines' general advice that people with a chronic disease or high risk see a doctor
 * before starting, applied at this service's existing cut-offs; the example activities (快走,
 * 太极拳, 八段锦, 广场舞…) are common ones, not prescribed by any source.
 */
public final class ExercisePrescriber {

    static final int CHILD_FROM = 6;
    static final int ADULT_FROM = 18;
    static final int FALLS_EMPHASIS_FROM = 60;
    static final int OLDER_FROM = 65;

    /** The worst readings, by finding code: no prescription until a doctor has seen them. */
    private static final Map<String, Text> SEE_DOCTOR_FIRST = Map.of(
            "bp-urgent", new Text("血压已达危急值", "blood pressure at the danger level"),
            "glucose-urgent-low", new Text("严重低血糖", "severe hypoglycaemia"),
            "glucose-urgent-high", new Text("血糖已达危急值", "blood glucose at the danger level"));

    private static final Text OTHER_URGENT = new Text("有危急值结果", "a result at the danger level");

    /** Findings after which exercise starts only once the family doctor agrees. */
    private static final Map<String, Text> DOCTOR_REVIEW = Map.ofEntries(
            entry("bp-hypertension-grade-2", new Text("血压处于2级高血压范围（≥160/100 mmHg）",
                    "blood pressure in the grade 2 hypertension range (160/100 mmHg or more)")),
            entry("glucose-low", new Text("血糖偏低（<3.9 mmol/L）", "low blood glucose (below 3.9 mmol/L)")),
            entry("ecg-af-suspected", new Text("心电图提示疑似房颤", "the ECG suggests atrial fibrillation")),
            entry("ecg-rhythm-other", new Text("心电图提示非窦性心律", "the ECG shows a rhythm other than sinus rhythm")),
            entry("spo2-very-low", new Text("血氧饱和度明显偏低", "very low oxygen saturation")));

    private static final Text FRAIL_REASON = new Text("衰弱筛查（FRAIL）结果为衰弱", "the FRAIL screen found frailty");
    private static final Text PRE_FRAIL_REASON = new Text("衰弱筛查（FRAIL）结果为衰弱前期",
            "the FRAIL screen found pre-frailty");
    private static final Text STROKE_HIGH_REASON = new Text("脑卒中风险筛查为高危",
            "the stroke risk screen found high risk");

    private static final Set<String> RAISED_BP = Set.of("bp-high-normal", "bp-hypertension-grade-1",
            "bp-hypertension-grade-2");
    private static final Set<String> WEIGHT = Set.of("bmi-overweight", "bmi-obese", "waist-central-obesity",
            "waist-hip-ratio-raised", "body-fat-obese");
    private static final Set<String> GLUCOSE_NOT_NORMAL = Set.of("glucose-low", "glucose-fasting-impaired",
            "glucose-random-impaired", "glucose-postprandial-2h-impaired", "glucose-fasting-diabetic",
            "glucose-random-diabetic", "glucose-postprandial-2h-diabetic");
    private static final Set<String> RESTING_RATE_FLAGGED = Set.of("pulse-low", "pulse-high", "ecg-heart-rate-low",
            "ecg-heart-rate-high");
    private static final Set<String> IRREGULAR_RHYTHM = Set.of("ecg-af-suspected", "ecg-rhythm-other");
    private static final Set<String> FEVER = Set.of("temperature-fever", "temperature-high-fever");

    static final String FRAIL = "frail";
    static final String STROKE_RISK = "stroke-risk";
    static final String DIABETES_RISK = "cn-diabetes-risk";

    private final FitnessNorms norms;

    public ExercisePrescriber(FitnessNorms norms) {
        this.norms = Objects.requireNonNull(norms, "norms");
    }

    /**
     * @param measurements   the session's, or the latest of each type
     * @param findings       the assessment's findings for those measurements
     * @param questionnaires the latest result of each questionnaire the resident answered (may be empty)
     */
    public ExercisePrescription prescribe(Person person, List<Measurement> measurements, List<Finding> findings,
            List<QuestionnaireResult> questionnaires) {
        Objects.requireNonNull(person, "person");
        Set<String> codes = findings.stream().map(Finding::code).collect(Collectors.toSet());
        Set<String> bands = questionnaires.stream().map(r -> r.questionnaireId() + ":" + r.band().code())
                .collect(Collectors.toSet());
        List<FitnessResult> fitness = fitness(person, measurements);

        List<Text> urgent = findings.stream().filter(f -> f.level() == Level.URGENT)
                .map(f -> SEE_DOCTOR_FIRST.getOrDefault(f.code(), OTHER_URGENT)).distinct().toList();
        if (!urgent.isEmpty()) {
            return new ExercisePrescription(Start.SEE_DOCTOR_FIRST, urgent, List.of(), List.of(), fitness);
        }
        if (person.isKnownYoungerThan(CHILD_FROM)) {
            return new ExercisePrescription(Start.NOT_FOR_THIS_AGE,
                    List.of(new Text("6岁以下", "under 6")), List.of(), List.of(), fitness);
        }

        Situation s = new Situation(person, codes, bands, fitness, measurements);
        List<Text> review = new ArrayList<>();
        DOCTOR_REVIEW.entrySet().stream().filter(e -> codes.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey()).forEach(e -> review.add(e.getValue()));
        if (s.frail) {
            review.add(FRAIL_REASON);
        }
        if (s.strokeHigh) {
            review.add(STROKE_HIGH_REASON);
        }
        List<ExerciseComponent> components = s.child ? childComponents() : adultComponents(s);
        return new ExercisePrescription(review.isEmpty() ? Start.NOW : Start.AFTER_DOCTOR_REVIEW, review,
                components, precautions(s, components), fitness);
    }

    /** What the prescription depends on, worked out once. */
    private static final class Situation {
        final OptionalInt age;
        final boolean child;
        final boolean older;
        final boolean fallsAge;
        final Set<String> codes;
        final boolean frail;
        final boolean preFrail;
        final boolean diabetesRisk;
        final boolean strokeHigh;
        final Set<FitnessTest> weak;
        final Map<FitnessTest, FitnessResult> byTest;
        final OptionalInt restingRate;

        Situation(Person person, Set<String> codes, Set<String> bands, List<FitnessResult> fitness,
                List<Measurement> measurements) {
            this.age = person.ageYears();
            this.child = person.isKnownYoungerThan(ADULT_FROM);
            this.older = age.isPresent() && age.getAsInt() >= OLDER_FROM;
            this.fallsAge = age.isPresent() && age.getAsInt() >= FALLS_EMPHASIS_FROM;
            this.codes = codes;
            this.frail = bands.contains(FRAIL + ":frail");
            this.preFrail = bands.contains(FRAIL + ":pre-frail");
            this.diabetesRisk = bands.contains(DIABETES_RISK + ":high-risk");
            this.strokeHigh = bands.contains(STROKE_RISK + ":high");
            this.byTest = fitness.stream().collect(Collectors.toMap(f -> FitnessTest.of(f.test()).orElseThrow(),
                    f -> f));
            this.weak = byTest.entrySet().stream().filter(e -> e.getValue().weak()).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            this.restingRate = restingRate(measurements);
        }

        boolean any(Collection<String> these) {
            return these.stream().anyMatch(codes::contains);
        }

        Text weakReason(FitnessTest test) {
            int points = byTest.get(test).grade().orElseThrow().points();
            return new Text(test.label().zh() + "偏弱（" + points + "/" + Grade.MAX + "分）",
                    "weak " + test.label().en().toLowerCase(Locale.ROOT) + " (grade " + points + " of "
                            + Grade.MAX + ")");
        }
    }

    private List<ExerciseComponent> adultComponents(Situation s) {
        ExerciseComponent aerobic = aerobic(s);
        ExerciseComponent resistance = resistance(s);
        Optional<ExerciseComponent> flexibility = flexibility(s);
        Optional<ExerciseComponent> balance = balance(s);
        List<ExerciseComponent> components = new ArrayList<>();
        if (s.frail) {
            // Frailty: strength and balance come first, under supervision; aerobic work follows.
            components.add(resistance);
            balance.ifPresent(components::add);
            components.add(aerobic);
            flexibility.ifPresent(components::add);
        } else {
            components.add(aerobic);
            components.add(resistance);
            flexibility.ifPresent(components::add);
            balance.ifPresent(components::add);
        }
        return components;
    }

    private ExerciseComponent aerobic(Situation s) {
        boolean raisedBp = s.any(RAISED_BP);
        boolean weight = s.any(WEIGHT);
        boolean obese = s.codes.contains("bmi-obese");
        // Each condition asks for its own days and minutes; together, the larger of each bound.
        int daysFrom = 5;
        int daysTo = 5;
        int minutesTo = 30;
        int weeklyTo = 150;
        if (raisedBp || weight) {
            daysFrom = weight ? 5 : 4;
            daysTo = 7;
            minutesTo = 60;
        }
        if (weight) {
            weeklyTo = 300;
        }
        Effort effort = s.frail ? Effort.LIGHT : Effort.MODERATE;

        List<Text> reasons = new ArrayList<>();
        if (raisedBp) {
            reasons.add(new Text("血压偏高", "raised blood pressure"));
        }
        if (weight) {
            reasons.add(new Text("超重、肥胖或腰围超标", "overweight, obesity or a large waist"));
        }
        if (s.any(GLUCOSE_NOT_NORMAL)) {
            reasons.add(new Text("血糖异常", "abnormal blood glucose"));
        }
        if (s.diabetesRisk) {
            reasons.add(new Text("糖尿病风险评分≥25分", "a diabetes risk score of 25 or more"));
        }
        if (s.strokeHigh) {
            reasons.add(STROKE_HIGH_REASON);
        }
        Text activities = obese
                ? new Text("快走、骑自行车（或固定自行车）、游泳或水中行走等对关节冲击小的运动",
                        "low-impact activity such as brisk walking, cycling (or an exercise bike), swimming or"
                                + " walking in water")
                : new Text("快走、骑自行车、游泳或跳广场舞等", "brisk walking, cycling, swimming or square dancing");
        if (s.weak.contains(FitnessTest.VITAL_CAPACITY)) {
            activities = new Text(activities.zh() + "，并练习腹式呼吸和缩唇呼吸",
                    activities.en() + ", with belly (diaphragmatic) and pursed-lip breathing practice");
            reasons.add(s.weakReason(FitnessTest.VITAL_CAPACITY));
        }

        List<String> progressZh = new ArrayList<>();
        List<String> progressEn = new ArrayList<>();
        if (s.frail) {
            progressZh.add("在医生或康复人员指导下，先做力量和平衡练习，有氧运动从低强度、短时间开始，逐步增加到中等强度。");
            progressEn.add("Under a doctor's or therapist's guidance, do strength and balance work first; start"
                    + " aerobic exercise light and short and build up to moderate intensity.");
        } else {
            progressZh.add("平时活动少的人从较短时间、较低强度开始，先逐步延长时间，再提高强度；每次可分几段累计完成。");
            progressEn.add("If you are not used to exercise, start shorter and easier, lengthen the time first and"
                    + " then raise the effort; a session can be split into shorter bouts.");
        }
        if (weight) {
            progressZh.add("为控制体重，逐步增加到每周300分钟。");
            progressEn.add("To manage your weight, build up to 300 minutes a week.");
        }
        if (s.older) {
            progressZh.add("如身体条件达不到每周150分钟，也要尽量多活动。");
            progressEn.add("If 150 minutes a week is beyond you, be as active as you can.");
        }

        return new ExerciseComponent(Kind.AEROBIC, effort, activities, new Range(daysFrom, daysTo),
                Optional.of(new Range(30, minutesTo)), Optional.of(new Range(150, weeklyTo)), Optional.empty(),
                heartRate(s, effort), Optional.of(new Text(String.join("", progressZh), String.join(" ", progressEn))),
                reasons);
    }

    private static Optional<HeartRateRange> heartRate(Situation s, Effort effort) {
        if (s.age.isEmpty() || s.child || s.any(IRREGULAR_RHYTHM)) {
            return Optional.empty();
        }
        int age = s.age.getAsInt();
        boolean light = effort == Effort.LIGHT;
        if (s.restingRate.isPresent() && !s.any(RESTING_RATE_FLAGGED)) {
            Optional<HeartRateRange> reserve = light
                    ? HeartRateRange.karvonen(age, s.restingRate.getAsInt(), 0.30, 0.39)
                    : HeartRateRange.karvonen(age, s.restingRate.getAsInt(), 0.40, 0.59);
            if (reserve.isPresent()) {
                return reserve;
            }
        }
        return light ? HeartRateRange.percentOfMaximum(age, 0.57, 0.63)
                : HeartRateRange.percentOfMaximum(age, 0.64, 0.76);
    }

    private ExerciseComponent resistance(Situation s) {
        boolean gentleStart = s.older || s.frail || s.preFrail;
        List<Text> reasons = new ArrayList<>();
        Text activities = new Text("弹力带、哑铃或装水的瓶子、靠墙俯卧撑、从椅子上坐下站起、扶椅提踵等，练上肢、下肢和躯干的主要肌群",
                "resistance bands, dumbbells or filled water bottles, wall push-ups, standing up from a chair,"
                        + " heel raises holding a chair, working the main muscles of the arms, legs and trunk");
        if (s.weak.contains(FitnessTest.GRIP_STRENGTH)) {
            activities = new Text(activities.zh() + "，并加练握力（如握力球、握力器）",
                    activities.en() + ", plus grip work (a squeeze ball or hand gripper)");
            reasons.add(s.weakReason(FitnessTest.GRIP_STRENGTH));
        }
        if (s.frail) {
            reasons.add(FRAIL_REASON);
        } else if (s.preFrail) {
            reasons.add(PRE_FRAIL_REASON);
        }
        Text dose = gentleStart
                ? new Text("从较轻的阻力开始，每个动作重复10–15次，先做1组，逐步增加到2–4组；同一肌群两次练习间隔至少48小时，用力时呼气、不要憋气。",
                        "Start with light resistance, 10–15 repetitions of each exercise, one set at first, building"
                                + " up to 2–4 sets; leave at least 48 hours between sessions for the same muscles;"
                                + " breathe out as you push and never hold your breath.")
                : new Text("选能连续做8–12次的重量，每个动作做2–4组（初练者可从1组开始）；同一肌群两次练习间隔至少48小时，用力时呼气、不要憋气。",
                        "Choose a weight you can lift 8–12 times, 2–4 sets of each exercise (beginners can start"
                                + " with one set); leave at least 48 hours between sessions for the same muscles;"
                                + " breathe out as you push and never hold your breath.");
        return new ExerciseComponent(Kind.RESISTANCE, s.frail ? Effort.LIGHT : Effort.MODERATE, activities,
                new Range(2, 3), Optional.empty(), Optional.empty(), Optional.of(dose), Optional.empty(),
                Optional.empty(), reasons);
    }

    private Optional<ExerciseComponent> flexibility(Situation s) {
        List<Text> reasons = new ArrayList<>();
        if (s.weak.contains(FitnessTest.SIT_AND_REACH)) {
            reasons.add(s.weakReason(FitnessTest.SIT_AND_REACH));
        }
        if (s.older) {
            reasons.add(new Text(OLDER_FROM + "岁及以上", "aged " + OLDER_FROM + " or over"));
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        Text dose = s.older
                ? new Text("每个部位拉伸到有紧绷感（不痛）后保持30–60秒，重复2–4次；每天练习效果更好。",
                        "Stretch each part until it feels tight but not painful, hold 30–60 seconds and repeat 2–4"
                                + " times; daily is better still.")
                : new Text("每个部位拉伸到有紧绷感（不痛）后保持10–30秒，重复2–4次；每天练习效果更好。",
                        "Stretch each part until it feels tight but not painful, hold 10–30 seconds and repeat 2–4"
                                + " times; daily is better still.");
        return Optional.of(new ExerciseComponent(Kind.FLEXIBILITY, Effort.LIGHT,
                new Text("静态拉伸：肩、胸、腰背、大腿前后侧和小腿",
                        "static stretches of the shoulders, chest, back, front and back of the thighs, and calves"),
                new Range(2, 3), Optional.empty(), Optional.empty(), Optional.of(dose), Optional.empty(),
                Optional.empty(), reasons));
    }

    private Optional<ExerciseComponent> balance(Situation s) {
        List<Text> reasons = new ArrayList<>();
        if (s.older) {
            reasons.add(new Text(OLDER_FROM + "岁及以上", "aged " + OLDER_FROM + " or over"));
        }
        if (s.frail) {
            reasons.add(FRAIL_REASON);
        } else if (s.preFrail) {
            reasons.add(PRE_FRAIL_REASON);
        }
        for (FitnessTest test : List.of(FitnessTest.SINGLE_LEG_STAND, FitnessTest.REACTION_TIME)) {
            if (s.weak.contains(test)) {
                reasons.add(s.weakReason(test));
            }
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        // WHO 2020: older adults at least 3 days a week; otherwise ACSM's 2–3 days of neuromotor work.
        Range days = s.older || s.frail || s.preFrail ? new Range(3, 7) : new Range(2, 3);
        Optional<Text> fallPrevention = s.fallsAge || s.frail || s.preFrail
                ? Optional.of(new Text("以预防跌倒为重点，从扶着椅子练起，逐步减少扶持。",
                        "The aim is to prevent falls: start holding a chair and rely on it less as you improve."))
                : Optional.of(new Text("从扶着椅子或墙练起，逐步减少扶持、增加难度。",
                        "Start holding a chair or wall, then rely on it less and make it harder."));
        return Optional.of(new ExerciseComponent(Kind.BALANCE, s.frail ? Effort.LIGHT : Effort.MODERATE,
                new Text("太极拳、八段锦、扶椅单脚站立、脚跟贴脚尖直线走等",
                        "tai chi, Baduanjin, standing on one leg holding a chair, heel-to-toe walking"),
                days, Optional.of(new Range(20, 30)), Optional.empty(), Optional.empty(), Optional.empty(),
                fallPrevention, reasons));
    }

    private static List<ExerciseComponent> childComponents() {
        return List.of(
                new ExerciseComponent(Kind.AEROBIC, Effort.MODERATE_TO_VIGOROUS,
                        new Text("跑步、跳绳、游泳、骑自行车、球类运动和户外游戏等，以户外活动为主",
                                "running, skipping, swimming, cycling, ball games and outdoor play, mostly outdoors"),
                        Range.of(7), Optional.empty(), Optional.empty(),
                        Optional.of(new Text("每天累计至少60分钟。", "At least 60 minutes a day in all.")), Optional.empty(),
                        Optional.of(new Text("久坐每次不超过1小时。", "Do not sit still for more than an hour at a time.")),
                        List.of()),
                new ExerciseComponent(Kind.RESISTANCE, Effort.MODERATE_TO_VIGOROUS,
                        new Text("跳绳、跳跃、攀爬、俯卧撑、仰卧起坐等增强肌肉力量和骨骼的活动",
                                "muscle- and bone-strengthening activity such as skipping, jumping, climbing,"
                                        + " push-ups and sit-ups"),
                        new Range(3, 7), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of()));
    }

    private static List<Precaution> precautions(Situation s, List<ExerciseComponent> components) {
        List<Precaution> precautions = new ArrayList<>();
        precautions.add(new Precaution("exercise-precaution-warning-signs", new Text(
                "每次运动前热身5–10分钟、运动后放松5–10分钟；运动中如出现胸痛、胸闷、明显气短、头晕或心慌，立即停止运动并及时就医。",
                "Warm up for 5–10 minutes before and cool down for 5–10 minutes after each session; if you get"
                        + " chest pain or tightness, unusual breathlessness, dizziness or palpitations, stop at once"
                        + " and seek medical care.")));
        boolean heartRateTarget = components.stream().anyMatch(c -> c.heartRate().isPresent());
        if (heartRateTarget) {
            precautions.add(new Precaution("exercise-precaution-heart-rate-medicines", new Text(
                    "如服用β受体阻滞剂（如美托洛尔）等减慢心率的药物，心率范围不适用，请以自我感觉的用力程度为准。",
                    "If you take a beta-blocker (such as metoprolol) or another medicine that slows the heart, the"
                            + " heart-rate range does not apply: go by how hard the exercise feels.")));
        }
        if (s.any(IRREGULAR_RHYTHM)) {
            precautions.add(new Precaution("exercise-precaution-irregular-rhythm", new Text(
                    "心律不齐时脉搏不能反映运动强度，请以自我感觉的用力程度为准。",
                    "With an irregular heartbeat your pulse does not show how hard you are working: go by how hard"
                            + " the exercise feels.")));
        }
        if (s.any(RESTING_RATE_FLAGGED) && !s.child) {
            precautions.add(new Precaution("exercise-precaution-resting-heart-rate", new Text(
                    "静息心率不在正常范围，目标心率按年龄估算；运动中如心慌、头晕，立即停止并就医。",
                    "Your resting heart rate is outside the normal range, so the target is estimated from your age"
                            + " alone; if you get palpitations or feel dizzy while exercising, stop and see a doctor.")));
        }
        if (s.any(RAISED_BP)) {
            precautions.add(new Precaution("exercise-precaution-blood-pressure", new Text(
                    "血压偏高：力量练习时保持正常呼吸、不要憋气，避免突然用力；坚持规律运动并定期测量血压。",
                    "Raised blood pressure: breathe normally during strength exercises, never hold your breath or"
                            + " strain suddenly; keep exercising regularly and check your blood pressure regularly.")));
        }
        if (s.codes.contains("bp-hypertension-grade-2")) {
            precautions.add(new Precaution("exercise-precaution-blood-pressure-grade-2", new Text(
                    "血压≥160/100 mmHg：血压控制之前不要做快跑、搬举重物等剧烈运动，开始运动前先请家庭医生评估。",
                    "Blood pressure of 160/100 mmHg or more: no vigorous exercise (such as running or heavy lifting)"
                            + " until your blood pressure is under control; see your family doctor before you"
                            + " start.")));
        }
        if (s.any(GLUCOSE_NOT_NORMAL)) {
            precautions.add(new Precaution("exercise-precaution-glucose", new Text(
                    "血糖低于3.9 mmol/L或空腹血糖高于16.7 mmol/L时不要运动；运动时随身带糖果或含糖饮料，出现心慌、出汗、手抖时立即停止并吃糖。",
                    "Do not exercise when your glucose is below 3.9 mmol/L or your fasting glucose is above 16.7"
                            + " mmol/L; carry sweets or a sugary drink, and if you feel shaky, sweaty or your heart"
                            + " races, stop and take sugar at once.")));
        }
        if (s.codes.contains("bmi-obese")) {
            precautions.add(new Precaution("exercise-precaution-joints", new Text(
                    "体重较大：选择骑车、游泳、快走等对关节冲击小的运动，少做跑跳和爬山；膝、踝关节疼痛时减量并咨询医生。",
                    "With a higher body weight, choose low-impact activity such as cycling, swimming or brisk"
                            + " walking rather than running, jumping or hill climbing; if your knees or ankles hurt,"
                            + " do less and ask a doctor.")));
        }
        if (s.frail) {
            precautions.add(new Precaution("exercise-precaution-frailty", new Text(
                    "衰弱：请在医生或康复人员指导下开始，先做力量和平衡练习，再逐步增加有氧运动。",
                    "Frailty: start under the guidance of a doctor or therapist, with strength and balance exercise"
                            + " first and aerobic exercise added gradually.")));
        }
        boolean balance = components.stream().anyMatch(c -> c.kind() == Kind.BALANCE);
        if (balance && (s.fallsAge || s.frail || s.preFrail)) {
            precautions.add(new Precaution("exercise-precaution-falls", new Text(
                    "练习平衡时身边要有可扶的椅子、扶手或墙，地面防滑、光线充足，必要时有人陪同。",
                    "When practising balance, keep a chair, rail or wall within reach, on a non-slip floor in good"
                            + " light, with someone nearby if needed.")));
        }
        if (s.any(FEVER)) {
            precautions.add(new Precaution("exercise-precaution-fever", new Text(
                    "发热期间暂停运动，退热后再从低强度逐步恢复。",
                    "Do not exercise while you have a fever; once it has gone, start again gently.")));
        }
        return precautions;
    }

    /** The five fitness tests as measured, in a fixed order, each graded from its best attempt. */
    private List<FitnessResult> fitness(Person person, List<Measurement> measurements) {
        List<FitnessResult> results = new ArrayList<>();
        for (FitnessTest test : FitnessTest.values()) {
            Optional<Double> best = measurements.stream().flatMap(m -> test.value(m).stream())
                    .reduce((a, b) -> test.better(b, a) ? b : a);
            best.ifPresent(value -> results.add(grade(test, person, value)));
        }
        return results;
    }

    private FitnessResult grade(FitnessTest test, Person person, double value) {
        Text shown = test.show(value);
        if (person.sex().isEmpty() || person.ageYears().isEmpty()) {
            return new FitnessResult(test.type(), value, Optional.empty(), new Text(
                    shown.zh() + "：未评级（年龄或性别未知）", shown.en() + ": not graded (age or sex not known)"));
        }
        Sex sex = person.sex().get();
        Optional<Grade> grade = norms.grade(test.type(), sex, person.ageYears().getAsInt(), value);
        if (grade.isEmpty()) {
            return new FitnessResult(test.type(), value, grade, new Text(
                    shown.zh() + "：未评级（暂无适用的国民体质测定标准评分表）",
                    shown.en() + ": not graded (norm table not available)"));
        }
        int points = grade.get().points();
        return new FitnessResult(test.type(), value, grade, new Text(
                shown.zh() + "：" + points + "/" + Grade.MAX + "分" + (grade.get().weak() ? "，偏弱" : ""),
                shown.en() + ": grade " + points + " of " + Grade.MAX + (grade.get().weak() ? ", weak" : "")));
    }

    /**
     * The resting heart rate of the session: the mean pulse of its blood-pressure readings (taken
     * seated, at rest), else the mean ECG rate; rounded half up to whole beats.
     */
    private static OptionalInt restingRate(List<Measurement> measurements) {
        for (var source : List.of(Map.entry(MeasurementType.BLOOD_PRESSURE, "pulse"),
                Map.entry(MeasurementType.ECG, "heartRate"))) {
            var mean = measurements.stream().filter(m -> m.type() == source.getKey())
                    .flatMap(m -> m.number(source.getValue()).stream()).mapToDouble(Double::doubleValue).average();
            if (mean.isPresent()) {
                return OptionalInt.of((int) Math.floor(mean.getAsDouble() + 0.5));
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The finding codes this prescriber reacts to besides the URGENT level, so that a test can
     * check the assessment rules really produce each of them (a misspelt code would be ignored silently).
     */
    static Set<String> codesRead() {
        Set<String> all = new LinkedHashSet<>(DOCTOR_REVIEW.keySet());
        all.addAll(SEE_DOCTOR_FIRST.keySet());
        all.addAll(RAISED_BP);
        all.addAll(WEIGHT);
        all.addAll(GLUCOSE_NOT_NORMAL);
        all.addAll(RESTING_RATE_FLAGGED);
        all.addAll(IRREGULAR_RHYTHM);
        all.addAll(FEVER);
        return all;
    }
}
