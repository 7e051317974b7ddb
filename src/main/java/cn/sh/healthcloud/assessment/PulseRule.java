package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.List;

/** The pulse the blood-pressure monitor counted: the mean over the session's readings, like the pressure. */
final class PulseRule implements Rule {

    private final RestingHeartRate heartRate;

    PulseRule(AssessmentThresholds thresholds) {
        this.heartRate = new RestingHeartRate(thresholds);
    }

    @Override
    public List<Finding> assess(Person person, List<Measurement> session) {
        List<Measurement> readings = session.stream().filter(m -> m.type() == MeasurementType.BLOOD_PRESSURE).toList();
        long counted = Mean.count(readings, "pulse");
        if (counted == 0) {
            return List.of();
        }
        double pulse = Mean.of(readings, "pulse");
        String zh = "脉搏 " + ValueText.of(pulse) + " 次/分" + (counted > 1 ? "（" + counted + "次测量平均值）" : "");
        String en = "Pulse " + ValueText.of(pulse) + " /min"
                + (counted > 1 ? " (mean of " + counted + " readings)" : "");
        return List.of(heartRate.judge("pulse", MeasurementType.BLOOD_PRESSURE, person, pulse, zh, en));
    }
}
