package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.ArrayList;
import java.util.List;

/** Body temperature: fever from 37.3 °C, high fever from 39.0 °C; fever patients go to a fever clinic (发热门诊). */
final class TemperatureRule implements Rule {

    private final AssessmentThresholds.Temperature limits;

    TemperatureRule(AssessmentThresholds thresholds) {
        this.limits = thresholds.temperature();
    }

    @Override
    public List<Finding> assess(Person person, List<Measurement> session) {
        List<Finding> findings = new ArrayList<>();
        for (Measurement m : session) {
            if (m.type() == MeasurementType.TEMPERATURE) {
                findings.add(judge(ValueText.rounded(m.number("celsius").orElseThrow(), 1)));
            }
        }
        return findings;
    }

    private Finding judge(double celsius) {
        String zh = "体温 " + ValueText.fixed(celsius, 1) + " ℃";
        String en = "Temperature " + ValueText.fixed(celsius, 1) + " °C";
        if (celsius >= limits.highFeverFrom()) {
            return finding("temperature-high-fever", Level.SEE_DOCTOR,
                    zh + "，高热（≥" + ValueText.fixed(limits.highFeverFrom(), 1) + " ℃），请尽快到发热门诊就诊。",
                    en + ": high fever (" + ValueText.fixed(limits.highFeverFrom(), 1)
                            + " °C or more). Go to a fever clinic soon.");
        }
        if (celsius >= limits.feverFrom()) {
            return finding("temperature-fever", Level.ATTENTION,
                    zh + "，发热（≥" + ValueText.fixed(limits.feverFrom(), 1) + " ℃），请注意休息、多饮水，并复测体温。",
                    en + ": fever (" + ValueText.fixed(limits.feverFrom(), 1)
                            + " °C or more). Rest, drink plenty and take your temperature again.");
        }
        return finding("temperature-normal", Level.NORMAL, zh + "，正常。", en + ": normal.");
    }

    private static Finding finding(String code, Level level, String zh, String en) {
        return new Finding(code, MeasurementType.TEMPERATURE, level, zh, en);
    }
}
