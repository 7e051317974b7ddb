package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.directory.CareService;
import cn.sh.healthcloud.directory.TimeInterval;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * A schedule to publish: which service, on which weekdays ("monday" ... "sunday"), in which sessions
 * (within the station's opening hours), cut into slots of {@code slotMinutes} for {@code capacity}
 * residents each, {@code referralQuota} of them held for family doctors' referrals. Booking times
 * default to {@code healthcloud.appointment.booking.*} (ISO-8601 durations, e.g. "PT2H").
 */
public record ScheduleRequest(
        @NotNull CareService service,
        @Size(max = 100) String practitioner,
        @NotEmpty @Size(max = 7) List<@NotBlank String> weekdays,
        @NotEmpty @Size(max = 6) List<@Valid @NotNull TimeInterval> sessions,
        @NotNull @Min(5) @Max(480) Integer slotMinutes,
        @NotNull @Min(1) @Max(10000) Integer capacity,
        @Min(0) @Max(10000) Integer referralQuota,
        Duration bookingOpensBefore,
        Duration bookingClosesBefore,
        Duration referralReleaseBefore,
        LocalDate validFrom,
        LocalDate validUntil) {
}
