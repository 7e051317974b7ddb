package cn.sh.healthcloud.kiosk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Kiosk sessions just assessed, fired after the commit. {@code assessedAt} is the database's time
 * of the assessment; {@code alertDistricts} holds, for each alert raised to a family doctor, the
 * district of that doctor's station.
 */
public record KioskSessionsAssessed(OffsetDateTime assessedAt, List<Session> sessions, List<String> alertDistricts) {

    /** One assessed session: its station, the measurement kinds taken and those found not normal. */
    public record Session(String stationId, Set<String> measuredKinds, Set<String> abnormalKinds) {
    }
}
