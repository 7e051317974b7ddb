package cn.sh.healthcloud.assessment.stratification;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every cut-off and interval the classification and its plans use, in one place (README, "Health
 * management"). The hypertensive range is the assessment's (configurable, 140/90 by default), so a
 * reading the report calls hypertensive is the one counted here.
 *
 * @param repeatedReadingDays    days with a reading in the hypertensive range that make "see your doctor to confirm"
 * @param repeatedWithinDays     how far back those days are looked for
 * @param phq9From               PHQ-9 total from which depressive symptoms are a risk factor (moderate band)
 * @param gad7From               GAD-7 total from which anxiety is a risk factor (moderate band)
 * @param diabetesRiskFrom       Chinese diabetes risk score from which it is a risk factor (the scale's cut-off)
 * @param elderlyFrom            age from which the national elderly health management (yearly check-up) applies
 * @param followUpDays           the family doctor's follow-up interval per class
 * @param checkUpDays            how often a check-up is due, whatever the class
 */
public record StratificationRules(double hypertensiveSystolic, double hypertensiveDiastolic, int repeatedReadingDays,
        int repeatedWithinDays, int phq9From, int gad7From, int diabetesRiskFrom, int elderlyFrom,
        Map<HealthClass, Integer> followUpDays, int checkUpDays) {

    public StratificationRules {
        if (repeatedReadingDays < 1 || repeatedWithinDays < 1 || checkUpDays < 1) {
            throw new IllegalArgumentException("counts and intervals must be positive");
        }
        Objects.requireNonNull(followUpDays, "followUpDays");
        for (HealthClass c : HealthClass.values()) {
            if (followUpDays.getOrDefault(c, 0) < 1) {
                throw new IllegalArgumentException("a positive follow-up interval is needed for " + c);
            }
        }
        followUpDays = Map.copyOf(followUpDays);
    }

    /**
     * ILL every 90 days: the national basic public health service asks for at least four follow-ups a
     * year of hypertension and type 2 diabetes patients. The other intervals are this service's
     * defaults, not guideline figures.
     */
    public static StratificationRules reference() {
        Map<HealthClass, Integer> followUp = new EnumMap<>(HealthClass.class);
        followUp.put(HealthClass.ILL, 90);
        followUp.put(HealthClass.RECOVERING, 30);
        followUp.put(HealthClass.HIGHER_RISK, 180);
        followUp.put(HealthClass.HEALTHY, 365);
        return new StratificationRules(140, 90, 2, 90, 10, 10, 25, 65, followUp, 365);
    }

    /** The same rules with the hypertensive range the assessment is configured with. */
    public StratificationRules withHypertension(double systolic, double diastolic) {
        return new StratificationRules(systolic, diastolic, repeatedReadingDays, repeatedWithinDays, phq9From, gad7From,
                diabetesRiskFrom, elderlyFrom, followUpDays, checkUpDays);
    }

    public int followUpDays(HealthClass healthClass) {
        return followUpDays.get(healthClass);
    }

    boolean hypertensive(BloodPressureReading r) {
        return r.systolic() >= hypertensiveSystolic || r.diastolic() >= hypertensiveDiastolic;
    }
}
