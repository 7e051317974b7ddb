package cn.sh.healthcloud.assessment;

/**
 * Readings dangerous enough to alert the family doctor at once (../shared/reference/vital-signs.md):
 * blood pressure at or above either limit, glucose below or above its limits (mmol/L).
 */
public record UrgentThresholds(double systolic, double diastolic, double glucoseLow, double glucoseHigh) {

    /** The reference values: 180/110 mmHg, glucose below 3.0 or above 16.7 mmol/L. */
    public static UrgentThresholds reference() {
        return new UrgentThresholds(180, 110, 3.0, 16.7);
    }
}
