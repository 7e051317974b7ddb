package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.Optional;

/** Finds readings that must reach the family doctor at once. Pure rules: no storage, no framework. */
public final class UrgentReadings {

    private final UrgentThresholds limits;

    public UrgentReadings(UrgentThresholds limits) {
        this.limits = limits;
    }

    public Optional<UrgentFinding> check(Measurement m) {
        if (m.type() == MeasurementType.BLOOD_PRESSURE) {
            double systolic = m.number("systolic").orElse(0.0);
            double diastolic = m.number("diastolic").orElse(0.0);
            if (systolic >= limits.systolic() || diastolic >= limits.diastolic()) {
                return Optional.of(new UrgentFinding("bp-urgent",
                        "血压危急值 " + (int) systolic + "/" + (int) diastolic + " mmHg，请立即就医",
                        "Dangerously high blood pressure " + (int) systolic + "/" + (int) diastolic
                                + " mmHg: seek care now"));
            }
        }
        if (m.type() == MeasurementType.GLUCOSE) {
            double value = m.number("value").orElse(Double.NaN);
            if (value < limits.glucoseLow()) {
                return Optional.of(new UrgentFinding("glucose-urgent-low", "严重低血糖 " + value + " mmol/L",
                        "Severe hypoglycaemia " + value + " mmol/L"));
            }
            if (value > limits.glucoseHigh()) {
                return Optional.of(new UrgentFinding("glucose-urgent-high", "血糖危急值 " + value + " mmol/L",
                        "Dangerously high glucose " + value + " mmol/L"));
            }
        }
        return Optional.empty();
    }
}
