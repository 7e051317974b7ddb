package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.UrgentReadings;
import cn.sh.healthcloud.assessment.UrgentThresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Limits of the readings that alert the family doctor at once (defaults: the reference values). */
@ConfigMapping(prefix = "healthcloud.assessment.urgent")
public interface AlertConfig {

    /** Systolic blood pressure at or above which a reading is urgent, mmHg. */
    @WithDefault("180")
    double systolic();

    /** Diastolic blood pressure at or above which a reading is urgent, mmHg. */
    @WithDefault("110")
    double diastolic();

    /** Glucose below which a reading is urgent (severe hypoglycaemia), mmol/L. */
    @WithDefault("3.0")
    double glucoseLow();

    /** Glucose above which a reading is urgent, mmol/L. */
    @WithDefault("16.7")
    double glucoseHigh();

    /** The assessment rules are plain Java; this gives them their configured limits. */
    final class Rules {
        private Rules() {
        }

        @Produces
        @Singleton
        static UrgentReadings urgentReadings(AlertConfig config) {
            return new UrgentReadings(new UrgentThresholds(config.systolic(), config.diastolic(), config.glucoseLow(),
                    config.glucoseHigh()));
        }
    }
}
