package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.directory.Closure;
import cn.sh.healthcloud.directory.StationDetails;
import cn.sh.healthcloud.directory.TimeInterval;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a schedule into slot rows for a range of days. Idempotent (one slot per schedule and start
 * time), so the window job and several replicas may run it over the same days. A day the station
 * or the service is closed gets its slots closed with the closure's reason, so residents see why.
 */
@ApplicationScoped
class SlotMaterialiser {

    private static final String INSERT = """
            insert into appointment_slot (schedule_id, station_id, service, day, starts_at, ends_at, practitioner_name,
                capacity, referral_quota, booking_opens_at, booking_closes_at, referral_release_at, closed_reason)
            select $1, $2, $3, u.day, u.starts_at, u.ends_at, $4, $5, $6, u.starts_at - make_interval(mins => $7),
                   u.starts_at - make_interval(mins => $8), u.starts_at - make_interval(mins => $9), u.closed_reason
            from unnest($10::date[], $11::timestamptz[], $12::timestamptz[], $13::varchar[])
                 as u(day, starts_at, ends_at, closed_reason)
            on conflict (schedule_id, starts_at) do nothing""";

    /** One slot to be: its day, times and, on a closed day, the reason. */
    record SlotRow(LocalDate day, OffsetDateTime startsAt, OffsetDateTime endsAt, String closedReason) {
    }

    /** A dated closure from the directory or the appointment closures, possibly of one service only. */
    record ClosedDays(LocalDate from, LocalDate to, String service, String reason) {
        boolean covers(LocalDate day, String forService) {
            return !day.isBefore(from) && !day.isAfter(to) && (service == null || service.equals(forService));
        }
    }

    static List<ClosedDays> directoryClosures(StationDetails station) {
        List<ClosedDays> closed = new ArrayList<>();
        for (Closure c : station.closures()) {
            closed.add(new ClosedDays(c.from(), c.to(), null, c.reason() == null ? "停诊" : c.reason()));
        }
        return closed;
    }

    /** The slots of the schedule on days [from, to] that start after {@code now}. */
    static List<SlotRow> slots(Schedule schedule, List<ClosedDays> closures, LocalDate from, LocalDate to,
            OffsetDateTime now) {
        List<SlotRow> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!schedule.runsOn(day)) {
                continue;
            }
            String closedReason = null;
            for (ClosedDays c : closures) {
                if (c.covers(day, schedule.service().id())) {
                    closedReason = c.reason();
                    break;
                }
            }
            for (TimeInterval session : schedule.sessions()) {
                int end = closesMinute(session);
                for (int start = opensMinute(session); start + schedule.slotMinutes() <= end; start += schedule.slotMinutes()) {
                    OffsetDateTime startsAt = at(day, start);
                    if (startsAt.isAfter(now)) {
                        rows.add(new SlotRow(day, startsAt, at(day, start + schedule.slotMinutes()), closedReason));
                    }
                }
            }
        }
        return rows;
    }

    Uni<Integer> insert(SqlClient sql, Schedule s, List<SlotRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Tuple params = Tuple.tuple().addUUID(s.id()).addString(s.stationId()).addString(s.service().id())
                .addString(s.practitioner()).addInteger(s.capacity()).addInteger(s.referralQuota())
                .addInteger(s.bookingOpensBeforeMinutes()).addInteger(s.bookingClosesBeforeMinutes())
                .addInteger(s.referralReleaseBeforeMinutes())
                .addArrayOfLocalDate(rows.stream().map(SlotRow::day).toArray(LocalDate[]::new))
                .addArrayOfOffsetDateTime(rows.stream().map(SlotRow::startsAt).toArray(OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(rows.stream().map(SlotRow::endsAt).toArray(OffsetDateTime[]::new))
                .addArrayOfString(rows.stream().map(SlotRow::closedReason).toArray(String[]::new));
        return sql.preparedQuery(INSERT).execute(params).map(r -> r.rowCount());
    }

    static int opensMinute(TimeInterval session) {
        return session.opens().toSecondOfDay() / 60;
    }

    /** 00:00 as a closing time is midnight at the end of the day, as in the directory. */
    static int closesMinute(TimeInterval session) {
        int minute = session.closes().toSecondOfDay() / 60;
        return minute == 0 ? 24 * 60 : minute;
    }

    private static OffsetDateTime at(LocalDate day, int minuteOfDay) {
        LocalDate date = minuteOfDay >= 24 * 60 ? day.plusDays(1) : day;
        return date.atTime(LocalTime.ofSecondOfDay((minuteOfDay % (24 * 60)) * 60L)).atZone(ShanghaiTime.ZONE)
                .toOffsetDateTime();
    }
}
