package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.directory.CareService;
import cn.sh.healthcloud.directory.TimeInterval;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A published schedule, as stored: what the window job materialises slots from. */
record Schedule(UUID id, String stationId, CareService service, String practitioner, Set<DayOfWeek> weekdays,
        List<TimeInterval> sessions, int slotMinutes, int capacity, int referralQuota, int bookingOpensBeforeMinutes,
        int bookingClosesBeforeMinutes, int referralReleaseBeforeMinutes, LocalDate validFrom, LocalDate validUntil) {

    boolean runsOn(LocalDate day) {
        return weekdays.contains(day.getDayOfWeek()) && !day.isBefore(validFrom)
                && (validUntil == null || !day.isAfter(validUntil));
    }
}
