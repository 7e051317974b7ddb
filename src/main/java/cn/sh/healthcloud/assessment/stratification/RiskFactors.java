package cn.sh.healthcloud.assessment.stratification;

import cn.sh.healthcloud.assessment.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The risk factors in a resident's latest findings, recent blood pressure and questionnaire
 * results. A reading in a diagnostic range is a risk factor, never a diagnosis: only the doctor
 * diagnoses, so those reasons say "see your doctor to confirm" and are left out once the doctor has
 * recorded the condition.
 */
final class RiskFactors {

    static final String BP_HIGH_NORMAL = "bp-high-normal";
    static final String BP_HYPERTENSIVE_RANGE = "bp-hypertensive-range";
    static final String BP_HYPERTENSIVE_RANGE_REPEATED = "bp-hypertensive-range-repeated";
    static final String GLUCOSE_IMPAIRED_FASTING = "glucose-impaired-fasting";
    static final String GLUCOSE_IMPAIRED_REGULATION = "glucose-impaired-regulation";
    static final String GLUCOSE_DIABETIC_RANGE = "glucose-diabetic-range";
    static final String OVERWEIGHT = "overweight";
    static final String OBESITY = "obesity";
    static final String CENTRAL_OBESITY = "central-obesity";
    static final String DIABETES_RISK_SCORE_HIGH = "diabetes-risk-score-high";
    static final String STROKE_RISK_HIGH = "stroke-risk-high";
    static final String DEPRESSIVE_SYMPTOMS = "depressive-symptoms";
    static final String ANXIETY_SYMPTOMS = "anxiety-symptoms";
    static final String FRAILTY = "frailty";
    static final String SMOKING = "smoking";
    static final String ALCOHOL_OVER_LIMIT = "alcohol-over-limit";

    private static final String CONFIRM_ZH = "，尚未确诊，请到家庭医生处复查确认。";
    private static final String CONFIRM_EN = ", with no diagnosis yet: see your family doctor to confirm.";

    private final StratificationRules rules;

    RiskFactors(StratificationRules rules) {
        this.rules = rules;
    }

    /** The risk factors found, each once, in a fixed order; {@code diagnosed} holds the conditions already recorded. */
    List<Reason> of(StratificationInput input, Set<ConditionCode> diagnosed) {
        Map<String, Reason> found = new LinkedHashMap<>();
        boolean hypertensionKnown = diagnosed.contains(ConditionCode.HYPERTENSION);
        boolean diabetesKnown = diagnosed.contains(ConditionCode.DIABETES);
        bloodPressure(input, hypertensionKnown, found);
        for (Finding f : input.latestFindings()) {
            glucose(f.code(), diabetesKnown, found);
            bodySize(f.code(), found);
        }
        for (QuestionnaireOutcome q : input.questionnaires()) {
            questionnaire(q, diabetesKnown, found);
        }
        return new ArrayList<>(found.values());
    }

    private void bloodPressure(StratificationInput input, boolean known, Map<String, Reason> found) {
        if (known) {
            return;
        }
        Set<java.time.LocalDate> hypertensiveDays = new TreeSet<>();
        input.recentBloodPressure().stream().filter(rules::hypertensive).forEach(r -> hypertensiveDays.add(r.day()));
        if (hypertensiveDays.size() >= rules.repeatedReadingDays()) {
            put(found, BP_HYPERTENSIVE_RANGE_REPEATED,
                    "近" + rules.repeatedWithinDays() + "天内有" + hypertensiveDays.size() + "天血压处于高血压范围" + CONFIRM_ZH,
                    "Blood pressure in the hypertensive range on " + hypertensiveDays.size() + " days within "
                            + rules.repeatedWithinDays() + " days" + CONFIRM_EN);
            return;
        }
        for (Finding f : input.latestFindings()) {
            switch (f.code()) {
                case "bp-hypertension-grade-1", "bp-hypertension-grade-2", "bp-urgent" -> put(found, BP_HYPERTENSIVE_RANGE,
                        "最近一次血压处于高血压范围" + CONFIRM_ZH,
                        "Your latest blood pressure is in the hypertensive range" + CONFIRM_EN);
                case "bp-high-normal" -> put(found, BP_HIGH_NORMAL, "血压正常高值", "High-normal blood pressure");
                default -> {
                }
            }
        }
    }

    private static void glucose(String code, boolean known, Map<String, Reason> found) {
        if (known) {
            return;
        }
        if (code.startsWith("glucose-") && code.endsWith("-diabetic")) {
            put(found, GLUCOSE_DIABETIC_RANGE, "最近一次血糖达到糖尿病诊断切点" + CONFIRM_ZH,
                    "Your latest blood glucose is in the diabetic range" + CONFIRM_EN);
        } else if (code.equals("glucose-fasting-impaired")) {
            put(found, GLUCOSE_IMPAIRED_FASTING, "空腹血糖受损", "Impaired fasting glucose");
        } else if (code.equals("glucose-random-impaired") || code.equals("glucose-postprandial-2h-impaired")) {
            put(found, GLUCOSE_IMPAIRED_REGULATION, "糖调节受损", "Impaired glucose regulation");
        }
    }

    private static void bodySize(String code, Map<String, Reason> found) {
        switch (code) {
            case "bmi-overweight" -> put(found, OVERWEIGHT, "超重（BMI 24~<28）", "Overweight (BMI 24 to below 28)");
            case "bmi-obese" -> put(found, OBESITY, "肥胖（BMI≥28）", "Obesity (BMI 28 or more)");
            case "waist-central-obesity" -> put(found, CENTRAL_OBESITY, "中心型肥胖（腰围超标）",
                    "Central obesity (waist above the cut-off)");
            default -> {
            }
        }
    }

    private void questionnaire(QuestionnaireOutcome q, boolean diabetesKnown, Map<String, Reason> found) {
        switch (q.questionnaireId()) {
            case "cn-diabetes-risk" -> {
                if (!diabetesKnown && q.score() >= rules.diabetesRiskFrom()) {
                    put(found, DIABETES_RISK_SCORE_HIGH, "中国糖尿病风险评分" + q.score() + "分（≥" + rules.diabetesRiskFrom() + "）",
                            "Chinese diabetes risk score " + q.score() + " (" + rules.diabetesRiskFrom() + " or more)");
                }
            }
            case "stroke-risk" -> {
                if (q.band().equals("high")) {
                    put(found, STROKE_RISK_HIGH, "脑卒中风险筛查：高危", "Stroke risk screen: high risk");
                }
            }
            case "phq-9" -> {
                if (q.score() >= rules.phq9From()) {
                    put(found, DEPRESSIVE_SYMPTOMS, "PHQ-9抑郁筛查" + q.score() + "分（≥" + rules.phq9From() + "）",
                            "PHQ-9 depression screen " + q.score() + " (" + rules.phq9From() + " or more)");
                }
            }
            case "gad-7" -> {
                if (q.score() >= rules.gad7From()) {
                    put(found, ANXIETY_SYMPTOMS, "GAD-7焦虑筛查" + q.score() + "分（≥" + rules.gad7From() + "）",
                            "GAD-7 anxiety screen " + q.score() + " (" + rules.gad7From() + " or more)");
                }
            }
            case "frail" -> {
                if (q.band().equals("frail")) {
                    put(found, FRAILTY, "FRAIL衰弱筛查：衰弱", "FRAIL screen: frail");
                }
            }
            case "lifestyle" -> {
                if (q.answered("lifestyle-smoking", "daily") || q.answered("lifestyle-smoking", "occasionally")) {
                    put(found, SMOKING, "吸烟", "Smoking");
                }
                if (q.answered("lifestyle-alcohol", "over-limit")) {
                    put(found, ALCOHOL_OVER_LIMIT, "饮酒超过每日15克酒精", "Drinking more than 15 g of alcohol a day");
                }
            }
            default -> {
            }
        }
    }

    private static void put(Map<String, Reason> found, String code, String zh, String en) {
        found.putIfAbsent(code, new Reason(code, zh, en));
    }
}
