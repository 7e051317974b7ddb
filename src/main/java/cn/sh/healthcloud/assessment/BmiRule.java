package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.ArrayList;
import java.util.List;

/**
 * BMI (derived from height and weight of a body-composition or height-weight measurement) in
 * the Chinese adult bands. Children's BMI is judged against age- and sex-specific growth
 * charts that are not in the reference, so it is only shown for them.
 */
final class BmiRule implements Rule {

    private final AssessmentThresholds.Bmi limits;
    private final int adultAgeYears;

    BmiRule(AssessmentThresholds thresholds) {
        this.limits = thresholds.bmi();
        this.adultAgeYears = thresholds.adultAgeYears();
    }

    @Override
    public List<Finding> assess(Person person, List<Measurement> session) {
        List<Finding> findings = new ArrayList<>();
        for (Measurement m : session) {
            Double bmi = m.derived().get("bmi");
            boolean bodySize = m.type() == MeasurementType.BODY_COMPOSITION || m.type() == MeasurementType.HEIGHT_WEIGHT;
            if (bmi != null && bodySize) {
                findings.add(judge(m.type(), person, bmi));
            }
        }
        return findings;
    }

    private Finding judge(MeasurementType type, Person person, double bmi) {
        String zh = "体重指数（BMI）" + ValueText.fixed(bmi, 1) + " kg/m²";
        String en = "Body mass index (BMI) " + ValueText.fixed(bmi, 1) + " kg/m²";
        String under = ValueText.fixed(limits.underweightBelow(), 1);
        String over = ValueText.fixed(limits.overweightFrom(), 1);
        String obese = ValueText.fixed(limits.obeseFrom(), 1);
        if (person.isKnownYoungerThan(adultAgeYears)) {
            return new Finding("bmi-child-not-judged", type, Level.NORMAL,
                    zh + "。成人BMI标准不适用于" + adultAgeYears + "岁以下儿童青少年，需按年龄、性别标准评价，本次不作判断。",
                    en + ". Adult cut-offs do not apply under " + adultAgeYears
                            + "; children are judged against age and sex charts, so it is not judged here.");
        }
        if (bmi < limits.underweightBelow()) {
            return new Finding("bmi-underweight", type, Level.ATTENTION,
                    zh + "，体重过低（<" + under + "）。", en + ": underweight (below " + under + ").");
        }
        if (bmi >= limits.obeseFrom()) {
            return new Finding("bmi-obese", type, Level.ATTENTION,
                    zh + "，肥胖（≥" + obese + "）。", en + ": obese (" + obese + " or more).");
        }
        if (bmi >= limits.overweightFrom()) {
            return new Finding("bmi-overweight", type, Level.ATTENTION,
                    zh + "，超重（" + over + "~<" + obese + "）。",
                    en + ": overweight (" + over + " to below " + obese + ").");
        }
        return new Finding("bmi-normal", type, Level.NORMAL,
                zh + "，正常（" + under + "~<" + over + "）。", en + ": normal (" + under + " to below " + over + ").");
    }
}
