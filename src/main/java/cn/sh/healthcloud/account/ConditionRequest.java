package cn.sh.healthcloud.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A condition the family doctor records: {@code code} from the fixed list, {@code status}
 * active, recovering or resolved, since when, and an optional note. Unknown codes and statuses are
 * checked by the service, so that they are 422s naming the field.
 */
public record ConditionRequest(
        @NotBlank @Size(max = 40) String code,
        @NotBlank @Size(max = 12) String status,
        @NotNull LocalDate since,
        @Size(max = 500) String note) {
}
