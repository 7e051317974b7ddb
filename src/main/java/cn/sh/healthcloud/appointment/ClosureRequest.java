package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.directory.CareService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Days [from, to] (Asia/Shanghai) without appointments, for one service or (service absent) all. */
public record ClosureRequest(@NotNull LocalDate from, @NotNull LocalDate to, CareService service,
        @NotBlank @Size(max = 200) String reason) {
}
