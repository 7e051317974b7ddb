package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.directory.CareService;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A booking as its resident (and station staff) see it. {@code cancelReason} says why a station cancelled. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppointmentView(UUID id, long slotId, String stationId, CareService service, LocalDate day,
        OffsetDateTime startsAt, OffsetDateTime endsAt, String practitioner, AppointmentStatus status,
        boolean referral, OffsetDateTime createdAt, OffsetDateTime cancelledAt, String cancelReason,
        OffsetDateTime checkedInAt, OffsetDateTime noShowAt) {

    static final String COLUMNS = """
            id, slot_id, station_id, service, day, starts_at, ends_at, practitioner_name, status,
            referred_by is not null as referral, created_at, cancelled_at, cancel_reason, checked_in_at, no_show_at""";

    static AppointmentView of(Row row) {
        return new AppointmentView(row.getUUID("id"), row.getLong("slot_id"), row.getString("station_id"),
                CareService.byId(row.getString("service")).orElseThrow(), row.getLocalDate("day"),
                local(row.getOffsetDateTime("starts_at")), local(row.getOffsetDateTime("ends_at")),
                row.getString("practitioner_name"), AppointmentStatus.valueOf(row.getString("status")),
                row.getBoolean("referral"), local(row.getOffsetDateTime("created_at")),
                local(row.getOffsetDateTime("cancelled_at")), row.getString("cancel_reason"),
                local(row.getOffsetDateTime("checked_in_at")), local(row.getOffsetDateTime("no_show_at")));
    }

    /** Times are shown in Shanghai's offset, as the resident reads them. */
    static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(cn.sh.healthcloud.time.ShanghaiTime.ZONE).toOffsetDateTime();
    }
}
