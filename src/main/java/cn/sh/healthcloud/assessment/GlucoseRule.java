package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.ArrayList;
import java.util.List;

/**
 * Each glucose reading by its context: danger first (the urgent limits the doctor alerts use,
 * then hypoglycaemia), then the fasting or the random / 2-hour bands. Codes read
 * {@code glucose-<context>-normal|impaired|diabetic}.
 */
final class GlucoseRule implements Rule {

    private final AssessmentThresholds.Glucose limits;
    private final UrgentThresholds urgentLimits;

    GlucoseRule(AssessmentThresholds thresholds) {
        this.limits = thresholds.glucose();
        this.urgentLimits = thresholds.urgent();
    }

    @Override
    public List<Finding> assess(Person person, List<Measurement> session) {
        List<Finding> findings = new ArrayList<>();
        for (Measurement m : session) {
            if (m.type() == MeasurementType.GLUCOSE) {
                // Meters show one decimal; rounding also maps mg/dL conversions onto the cut-offs (110 mg/dL = 6.1).
                findings.add(judge(m.codes().get("context"), ValueText.rounded(m.number("value").orElseThrow(), 1)));
            }
        }
        return findings;
    }

    private Finding judge(String context, double value) {
        boolean fasting = context.equals("fasting");
        String zh = switch (context) {
            case "fasting" -> "空腹血糖";
            case "postprandial-2h" -> "餐后2小时血糖";
            default -> "随机血糖";
        } + " " + ValueText.fixed(value, 1) + " mmol/L";
        String en = switch (context) {
            case "fasting" -> "Fasting glucose";
            case "postprandial-2h" -> "2-hour post-meal glucose";
            default -> "Random glucose";
        } + " " + ValueText.fixed(value, 1) + " mmol/L";

        if (value < urgentLimits.glucoseLow()) {
            return finding("glucose-urgent-low", Level.URGENT,
                    zh + "，严重低血糖（<" + ValueText.fixed(urgentLimits.glucoseLow(), 1) + " mmol/L），请立即吃糖或喝含糖饮料，并立即就医。",
                    en + ": severe hypoglycaemia (below " + ValueText.fixed(urgentLimits.glucoseLow(), 1)
                            + " mmol/L). Take sugar or a sweet drink now and seek medical care now.");
        }
        if (value < limits.hypoglycaemiaBelow()) {
            return finding("glucose-low", Level.SEE_DOCTOR,
                    zh + "，低血糖（<" + ValueText.fixed(limits.hypoglycaemiaBelow(), 1) + " mmol/L），请及时进食含糖食物，并联系家庭医生。",
                    en + ": hypoglycaemia (below " + ValueText.fixed(limits.hypoglycaemiaBelow(), 1)
                            + " mmol/L). Eat something sugary now and contact your family doctor.");
        }
        if (value > urgentLimits.glucoseHigh()) {
            return finding("glucose-urgent-high", Level.URGENT,
                    zh + "，血糖危急值（>" + ValueText.fixed(urgentLimits.glucoseHigh(), 1) + " mmol/L），请立即就医。",
                    en + ": dangerously high (above " + ValueText.fixed(urgentLimits.glucoseHigh(), 1)
                            + " mmol/L). Seek medical care now.");
        }
        double impaired = fasting ? limits.fastingImpaired() : limits.afterMealImpaired();
        double diabetic = fasting ? limits.fastingDiabetic() : limits.afterMealDiabetic();
        String codePrefix = "glucose-" + context;
        if (value >= diabetic) {
            return finding(codePrefix + "-diabetic", Level.SEE_DOCTOR,
                    zh + "，达到糖尿病诊断切点（≥" + ValueText.fixed(diabetic, 1) + " mmol/L），需进一步检查确诊，请尽快到家庭医生处就诊。",
                    en + ": in the diabetic range (≥ " + ValueText.fixed(diabetic, 1)
                            + " mmol/L). This needs confirming: see your family doctor soon.");
        }
        if (value >= impaired) {
            String band = ValueText.fixed(impaired, 1) + "~<" + ValueText.fixed(diabetic, 1);
            return finding(codePrefix + "-impaired", Level.ATTENTION,
                    zh + "，偏高，属" + (fasting ? "空腹血糖受损" : "糖调节受损") + "范围（" + band
                            + " mmol/L），请控制饮食、增加运动，并复查血糖。",
                    en + ": raised, in the " + (fasting ? "impaired fasting glucose" : "impaired glucose regulation")
                            + " range (" + ValueText.fixed(impaired, 1) + " to below " + ValueText.fixed(diabetic, 1)
                            + " mmol/L). Watch your diet, be more active and have it rechecked.");
        }
        return finding(codePrefix + "-normal", Level.NORMAL, zh + "，正常。", en + ": normal.");
    }

    private static Finding finding(String code, Level level, String zh, String en) {
        return new Finding(code, MeasurementType.GLUCOSE, level, zh, en);
    }
}
