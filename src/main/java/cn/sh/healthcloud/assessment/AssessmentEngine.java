package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns one kiosk session's validated measurements into its report: the findings of every rule,
 * the overall level (the worst finding; NORMAL when nothing is above normal) and the health
 * prescriptions that follow. Pure and thread-safe: one engine serves every session.
 */
public final class AssessmentEngine {

    private final List<Rule> rules;

    public AssessmentEngine(AssessmentThresholds thresholds) {
        Objects.requireNonNull(thresholds, "thresholds");
        // The order of the printout: blood pressure first, as residents and doctors look for it first.
        this.rules = List.of(
                new BloodPressureRule(thresholds),
                new PulseRule(thresholds),
                new GlucoseRule(thresholds),
                new BmiRule(thresholds),
                new SexSpecificRule(thresholds),
                new EcgRule(thresholds),
                new OxygenSaturationRule(thresholds),
                new TemperatureRule(thresholds),
                new FitnessTestRule());
    }

    public Assessment assess(Person person, List<Measurement> measurements) {
        Objects.requireNonNull(person, "person");
        List<Measurement> session = List.copyOf(measurements);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.assess(person, session));
        }
        Level level = findings.stream().map(Finding::level).reduce(Level.NORMAL, Level::worse);
        return new Assessment(level, findings, PrescriptionTable.forFindings(findings));
    }
}
