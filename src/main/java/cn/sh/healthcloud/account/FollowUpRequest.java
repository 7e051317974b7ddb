package cn.sh.healthcloud.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A follow-up (随访) the family doctor held: on which day, and an optional note. */
public record FollowUpRequest(@NotNull LocalDate date, @Size(max = 500) String note) {
}
