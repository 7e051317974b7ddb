package cn.sh.healthcloud.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A change of a recorded condition's status (e.g. recovering → resolved); since and note only when given. */
public record ConditionChangeRequest(
        @NotBlank @Size(max = 12) String status,
        LocalDate since,
        @Size(max = 500) String note) {
}
