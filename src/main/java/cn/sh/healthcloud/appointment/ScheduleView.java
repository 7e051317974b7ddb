package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.directory.CareService;
import cn.sh.healthcloud.directory.TimeInterval;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A published schedule (durations ISO-8601, e.g. PT168H); {@code slotsCreated} when it was just published. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleView(UUID id, String stationId, CareService service, String practitioner, List<String> weekdays,
        List<TimeInterval> sessions, int slotMinutes, int capacity, int referralQuota, String bookingOpensBefore,
        String bookingClosesBefore, String referralReleaseBefore, LocalDate validFrom, LocalDate validUntil,
        Integer slotsCreated) {

    static ScheduleView of(Schedule s, Integer slotsCreated) {
        return new ScheduleView(s.id(), s.stationId(), s.service(), s.practitioner(),
                s.weekdays().stream().sorted().map(d -> d.name().toLowerCase()).toList(), s.sessions(), s.slotMinutes(),
                s.capacity(), s.referralQuota(), iso(s.bookingOpensBeforeMinutes()),
                iso(s.bookingClosesBeforeMinutes()), iso(s.referralReleaseBeforeMinutes()),
                s.validFrom(), s.validUntil(), slotsCreated);
    }

    private static String iso(int minutes) {
        return Duration.ofMinutes(minutes).toString();
    }
}
