package cn.sh.healthcloud.assessment.stratification;

import java.util.List;
import java.util.Objects;

/** A resident's class, the reasons for it (the deciding ones first) and the management plan that follows. */
public record Stratification(HealthClass healthClass, List<Reason> reasons, ManagementPlan plan) {

    public Stratification {
        Objects.requireNonNull(healthClass, "healthClass");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(plan, "plan");
    }

    public boolean hasReason(String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }
}
