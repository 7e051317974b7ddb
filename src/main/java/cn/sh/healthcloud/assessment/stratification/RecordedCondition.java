package cn.sh.healthcloud.assessment.stratification;

import java.time.LocalDate;
import java.util.Objects;

/** A condition as the family doctor recorded it: which, where it stands, and since when. */
public record RecordedCondition(ConditionCode code, ConditionStatus status, LocalDate since) {

    public RecordedCondition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
    }
}
