package cn.sh.healthcloud.assessment.stratification;

import java.util.Locale;

/**
 * The four classes a community centre sorts its residents into (健康、高危、患病、恢复期), in the
 * order a doctor's panel shows them: those who need the doctor most first.
 */
public enum HealthClass {
    ILL, RECOVERING, HIGHER_RISK, HEALTHY;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static HealthClass fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
