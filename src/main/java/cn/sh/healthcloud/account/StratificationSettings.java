package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.stratification.StratificationRules;
import cn.sh.healthcloud.assessment.stratification.Stratifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The classification is plain Java: this gives it the reference rules with the hypertensive range
 * the assessment is configured with ({@code healthcloud.assessment.hypertension.*}), so a reading
 * the report calls hypertensive is the one the class counts.
 */
final class StratificationSettings {

    private StratificationSettings() {
    }

    @Produces
    @Singleton
    static Stratifier stratifier(
            @ConfigProperty(name = "healthcloud.assessment.hypertension.systolic", defaultValue = "140") double systolic,
            @ConfigProperty(name = "healthcloud.assessment.hypertension.diastolic", defaultValue = "90") double diastolic) {
        return new Stratifier(rules(systolic, diastolic));
    }

    static StratificationRules rules(double systolic, double diastolic) {
        return StratificationRules.reference().withHypertension(systolic, diastolic);
    }
}
