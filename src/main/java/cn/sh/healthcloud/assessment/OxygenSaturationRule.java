package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.ArrayList;
import java.util.List;

/**
 * SpO2: low below 95 %, very low below 90 %. The reference has no SpO2 cut-offs; these are
 * those of common clinical practice for adults at rest at sea level.
 */
final class OxygenSaturationRule implements Rule {

    private final AssessmentThresholds.OxygenSaturation limits;

    OxygenSaturationRule(AssessmentThresholds thresholds) {
        this.limits = thresholds.oxygenSaturation();
    }

    @Override
    public List<Finding> assess(Person person, List<Measurement> session) {
        List<Finding> findings = new ArrayList<>();
        for (Measurement m : session) {
            if (m.type() == MeasurementType.SPO2) {
                findings.add(judge(m.number("percent").orElseThrow()));
            }
        }
        return findings;
    }

    private Finding judge(double percent) {
        String zh = "血氧饱和度 " + ValueText.of(percent) + "%";
        String en = "Oxygen saturation (SpO2) " + ValueText.of(percent) + "%";
        if (percent < limits.veryLowBelow()) {
            return finding("spo2-very-low", Level.SEE_DOCTOR,
                    zh + "，明显偏低（<" + ValueText.of(limits.veryLowBelow()) + "%），请尽快就医。",
                    en + ": very low (below " + ValueText.of(limits.veryLowBelow()) + "%). See a doctor soon.");
        }
        if (percent < limits.lowBelow()) {
            return finding("spo2-low", Level.ATTENTION,
                    zh + "，偏低（<" + ValueText.of(limits.lowBelow()) + "%），请静坐休息后复测。",
                    en + ": low (below " + ValueText.of(limits.lowBelow()) + "%). Rest and measure again.");
        }
        return finding("spo2-normal", Level.NORMAL, zh + "，正常。", en + ": normal.");
    }

    private static Finding finding(String code, Level level, String zh, String en) {
        return new Finding(code, MeasurementType.SPO2, level, zh, en);
    }
}
