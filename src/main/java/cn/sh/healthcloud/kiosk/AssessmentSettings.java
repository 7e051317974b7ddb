package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.account.AlertConfig;
import cn.sh.healthcloud.assessment.AssessmentEngine;
import cn.sh.healthcloud.assessment.AssessmentThresholds;
import cn.sh.healthcloud.assessment.UrgentThresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Where the hypertensive range starts. The reference's default is 140/90 mmHg; the 2022 clinical
 * practice guideline proposes 130/80, which a district can choose here.
 */
@ConfigMapping(prefix = "healthcloud.assessment.hypertension")
public interface AssessmentSettings {

    @WithDefault("140")
    double systolic();

    @WithDefault("90")
    double diastolic();

    /** The assessment engine is plain Java: this gives it the reference thresholds as configured. */
    final class Engine {
        private Engine() {
        }

        @Produces
        @Singleton
        static AssessmentEngine assessmentEngine(AssessmentSettings hypertension, AlertConfig urgent) {
            return new AssessmentEngine(AssessmentThresholds.reference()
                    .withHypertensionCutOffs(hypertension.systolic(), hypertension.diastolic())
                    .withUrgent(new UrgentThresholds(urgent.systolic(), urgent.diastolic(), urgent.glucoseLow(),
                            urgent.glucoseHigh())));
        }
    }
}
