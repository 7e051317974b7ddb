package cn.sh.healthcloud.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A dated closure (public holiday, renovation), both days inclusive, in Asia/Shanghai dates. */
public record Closure(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 100) String reason) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    boolean isInverted() {
        return from != null && to != null && to.isBefore(from);
    }
}
