package cn.sh.healthcloud.assessment.stratification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a doctor-recorded condition stands: being treated, recovering after an episode (a stroke,
 * an operation, cancer treatment) until the doctor says the recovery is over, or resolved.
 */
public enum ConditionStatus {
    ACTIVE, RECOVERING, RESOLVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConditionStatus> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
