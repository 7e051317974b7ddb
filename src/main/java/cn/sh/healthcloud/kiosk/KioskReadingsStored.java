package cn.sh.healthcloud.kiosk;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Kiosk readings just committed, fired after the commit for whoever keeps figures of them (the
 * dashboards). {@code receivedAt} is the database's time of the insert, the time the readings are
 * counted by.
 */
public record KioskReadingsStored(OffsetDateTime receivedAt, List<Reading> readings) {

    /** One stored reading: where it was taken and a stable key of who was measured (null: anonymous). */
    public record Reading(String stationId, String subject) {
    }
}
