package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Body measures whose cut-off differs for men and women: waist (central obesity), waist-to-hip
 * ratio and body fat. Without a known sex the value is shown with a {@code -sex-unknown}
 * finding at NORMAL level rather than judged against a guessed cut-off; for children (adult
 * cut-offs) with a {@code -child-not-judged} one.
 */
final class SexSpecificRule implements Rule {

    /** One measure: where its value comes from, its cut-off and the words for it. */
    private record Measure(MeasurementType type, Function<Measurement, Double> value, String codePrefix,
            AssessmentThresholds.BySex cutOff, boolean cutOffIncluded, Function<Double, String> format, String unit,
            String nameZh, String nameEn,
            String abnormalSuffix, String abnormalZh, String abnormalEn) {

        String show(double value) {
            return format.apply(value) + unit;
        }
    }

    private final List<Measure> measures;
    private final int adultAgeYears;

    SexSpecificRule(AssessmentThresholds thresholds) {
        this.adultAgeYears = thresholds.adultAgeYears();
        this.measures = List.of(
                new Measure(MeasurementType.WAIST_HIP, m -> m.numbers().get("waistCm"), "waist",
                        thresholds.waistCm(), true, ValueText::of, " cm", "腰围", "Waist",
                        "central-obesity", "中心型肥胖", "central obesity"),
                new Measure(MeasurementType.WAIST_HIP, m -> m.derived().get("waistHipRatio"), "waist-hip-ratio",
                        thresholds.waistHipRatio(), true, v -> ValueText.fixed(v, 2), "", "腰臀比", "Waist-to-hip ratio",
                        "raised", "偏高", "raised"),
                new Measure(MeasurementType.BODY_COMPOSITION, m -> m.numbers().get("bodyFatPercent"), "body-fat",
                        thresholds.bodyFatPercent(), false, ValueText::of, "%", "体脂率", "Body fat",
                        "obese", "偏高，属肥胖", "high, in the obese range"));
    }

    @Override
    public List<Finding> assess(Person person, List<Measurement> session) {
        List<Finding> findings = new ArrayList<>();
        for (Measurement m : session) {
            for (Measure measure : measures) {
                Double value = m.type() == measure.type() ? measure.value().apply(m) : null;
                if (value != null) {
                    findings.add(judge(measure, person, value));
                }
            }
        }
        return findings;
    }

    private Finding judge(Measure measure, Person person, double value) {
        String zh = measure.nameZh() + " " + measure.show(value);
        String en = measure.nameEn() + " " + measure.show(value);
        String relation = measure.cutOffIncluded() ? "≥" : ">";
        if (person.isKnownYoungerThan(adultAgeYears)) {
            return finding(measure, "-child-not-judged", Level.NORMAL,
                    zh + "。成人标准不适用于" + adultAgeYears + "岁以下儿童青少年，本次不作判断。",
                    en + ". Adult cut-offs do not apply under " + adultAgeYears + ", so it is not judged here.");
        }
        if (person.sex().isEmpty()) {
            String men = relation + measure.show(measure.cutOff().men());
            String women = relation + measure.show(measure.cutOff().women());
            return finding(measure, "-sex-unknown", Level.NORMAL,
                    zh + "。性别未知，无法按男女标准（男" + men + "，女" + women + "）判断。",
                    en + ". Sex not known, so it cannot be judged against the cut-offs for men (" + men
                            + ") and women (" + women + ").");
        }
        Sex sex = person.sex().get();
        double cutOff = measure.cutOff().of(sex);
        boolean abnormal = measure.cutOffIncluded() ? value >= cutOff : value > cutOff;
        if (abnormal) {
            String limit = relation + measure.show(cutOff);
            return finding(measure, "-" + measure.abnormalSuffix(), Level.ATTENTION,
                    zh + "，" + measure.abnormalZh() + "（" + (sex == Sex.MALE ? "男性" : "女性") + limit + "）。",
                    en + ": " + measure.abnormalEn() + " (" + (sex == Sex.MALE ? "men " : "women ") + limit + ").");
        }
        return finding(measure, "-normal", Level.NORMAL, zh + "，正常。", en + ": normal.");
    }

    private static Finding finding(Measure measure, String suffix, Level level, String zh, String en) {
        return new Finding(measure.codePrefix() + suffix, measure.type(), level, zh, en);
    }
}
