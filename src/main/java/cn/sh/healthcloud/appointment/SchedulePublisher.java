package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.appointment.SlotMaterialiser.ClosedDays;
import cn.sh.healthcloud.directory.CoordinateSystem;
import cn.sh.healthcloud.directory.StationDetails;
import cn.sh.healthcloud.directory.StationService;
import cn.sh.healthcloud.directory.StationStatus;
import cn.sh.healthcloud.directory.TimeInterval;
import cn.sh.healthcloud.persistence.DatabaseJsonFormat;
import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.problem.QueryParameters;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.time.ShanghaiTime;
import cn.sh.healthcloud.directory.CareService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Publishing schedules and keeping their slots materialised for the rolling window. Schedules are
 * read and written with the reactive SQL client like the rest of this feature: slots go in as one
 * multi-row statement, which Hibernate would write row by row.
 */
@ApplicationScoped
class SchedulePublisher {

    private static final Logger LOG = Logger.getLogger(SchedulePublisher.class);
    private static final TypeReference<List<TimeInterval>> SESSIONS = new TypeReference<>() {
    };
    private static final String INSERT = """
            insert into appointment_schedule (id, station_id, service, practitioner_name, weekdays, sessions, slot_minutes,
                capacity, referral_quota, booking_opens_before_minutes, booking_closes_before_minutes,
                referral_release_before_minutes, valid_from, valid_until, created_by)
            values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15)""";
    private static final String COLUMNS = """
            select id, station_id, service, practitioner_name, weekdays, sessions::text as sessions, slot_minutes, capacity,
                   referral_quota, booking_opens_before_minutes, booking_closes_before_minutes,
                   referral_release_before_minutes, valid_from, valid_until
            from appointment_schedule""";
    private static final String BY_STATION = COLUMNS + " where station_id = $1 order by created_at, id";
    private static final String CURRENT = COLUMNS + " where valid_until is null or valid_until >= $1 order by station_id, id";
    private static final String CLOSURES = """
            select from_day, to_day, service, reason from appointment_closure where station_id = $1 and to_day >= $2""";

    private final Pool pool;
    private final StationService stations;
    private final SlotMaterialiser materialiser;
    private final AvailabilityCache cache;
    private final AppointmentConfig config;
    private final Clock clock;

    SchedulePublisher(Pool pool, StationService stations, SlotMaterialiser materialiser, AvailabilityCache cache,
            AppointmentConfig config, Clock clock) {
        this.pool = pool;
        this.stations = stations;
        this.materialiser = materialiser;
        this.cache = cache;
        this.config = config;
        this.clock = clock;
    }

    Uni<ScheduleView> publish(String stationId, ScheduleRequest request, Caller caller) {
        StationStaff.checkMayManage(caller, stationId);
        Set<DayOfWeek> weekdays = weekdays(request.weekdays());
        return stations.find(stationId, CoordinateSystem.WGS84)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No station with id " + stationId))
                .chain(station -> {
                    Schedule schedule = checked(station, request, weekdays);
                    LocalDate today = LocalDate.now(clock);
                    LocalDate last = today.plusDays(config.windowDays() - 1L);
                    return pool.withTransaction(sql -> sql.preparedQuery(INSERT).execute(insertParams(schedule, caller))
                            .chain(() -> closures(sql, stationId, today))
                            .chain(closed -> {
                                closed.addAll(SlotMaterialiser.directoryClosures(station));
                                return materialiser.insert(sql, schedule,
                                        SlotMaterialiser.slots(schedule, closed, today, last, OffsetDateTime.now(clock)));
                            }))
                            .call(() -> cache.invalidate(stationId, schedule.service().id(), today.datesUntil(last.plusDays(1))
                                    .toList()))
                            .map(created -> ScheduleView.of(schedule, created));
                });
    }

    Uni<List<ScheduleView>> list(String stationId) {
        return pool.preparedQuery(BY_STATION).execute(Tuple.of(stationId)).map(rows -> {
            List<ScheduleView> views = new ArrayList<>();
            for (Row row : rows) {
                views.add(ScheduleView.of(schedule(row), null));
            }
            return views;
        });
    }

    /**
     * Materialises every current schedule up to the end of the window. Stations that closed are
     * skipped; each station is done in a transaction of its own, so one failure stops nothing else.
     */
    Uni<Integer> extendWindow() {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.plusDays(config.windowDays() - 1L);
        return pool.preparedQuery(CURRENT).execute(Tuple.of(today)).map(rows -> {
            List<Schedule> all = new ArrayList<>();
            rows.forEach(row -> all.add(schedule(row)));
            return all.stream().collect(Collectors.groupingBy(Schedule::stationId));
        }).chain(byStation -> Multi.createFrom().iterable(byStation.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> stations.find(entry.getKey(), CoordinateSystem.WGS84)
                        .chain(station -> station == null || station.status() == StationStatus.CLOSED
                                ? Uni.createFrom().item(0)
                                : pool.withTransaction(sql -> closures(sql, entry.getKey(), today).chain(closed -> {
                                    closed.addAll(SlotMaterialiser.directoryClosures(station));
                                    OffsetDateTime now = OffsetDateTime.now(clock);
                                    return Multi.createFrom().iterable(entry.getValue())
                                            .onItem().transformToUniAndConcatenate(s -> materialiser.insert(sql, s,
                                                    SlotMaterialiser.slots(s, closed, today, last, now)))
                                            .collect().asList().map(counts -> counts.stream().mapToInt(i -> i).sum());
                                })))
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("Could not extend the slots of station %s: %s", entry.getKey(), e.toString());
                            return 0;
                        }))
                .collect().asList().map(counts -> counts.stream().mapToInt(i -> i).sum()));
    }

    private Uni<List<ClosedDays>> closures(SqlClient sql, String stationId, LocalDate from) {
        return sql.preparedQuery(CLOSURES).execute(Tuple.of(stationId, from)).map(rows -> {
            List<ClosedDays> closed = new ArrayList<>();
            for (Row row : rows) {
                closed.add(new ClosedDays(row.getLocalDate("from_day"), row.getLocalDate("to_day"),
                        row.getString("service"), row.getString("reason")));
            }
            return closed;
        });
    }

    /** Every broken rule at once (422), so an admin fixes the whole form in one go. */
    private Schedule checked(StationDetails station, ScheduleRequest r, Set<DayOfWeek> weekdays) {
        List<FieldError> errors = new ArrayList<>();
        if (station.status() == StationStatus.CLOSED) {
            errors.add(new FieldError("stationId", "the station is closed"));
        }
        if (!station.services().contains(r.service())) {
            errors.add(new FieldError("service", "is not offered by this station"));
        }
        List<TimeInterval> sessions = new ArrayList<>(r.sessions());
        sessions.sort((a, b) -> a.opens().compareTo(b.opens()));
        int longest = 0;
        for (int i = 0; i < sessions.size(); i++) {
            TimeInterval s = sessions.get(i);
            int opens = SlotMaterialiser.opensMinute(s);
            int closes = SlotMaterialiser.closesMinute(s);
            if (opens >= closes) {
                errors.add(new FieldError("sessions", s.opens() + "–" + s.closes() + " closes before it opens"));
                continue;
            }
            longest = Math.max(longest, closes - opens);
            if (i > 0 && opens < SlotMaterialiser.closesMinute(sessions.get(i - 1))) {
                errors.add(new FieldError("sessions", s.opens() + "–" + s.closes() + " overlaps another session"));
            }
            for (DayOfWeek day : weekdays) {
                boolean within = station.openingHours().on(day).stream().anyMatch(open ->
                        SlotMaterialiser.opensMinute(open) <= opens && closes <= SlotMaterialiser.closesMinute(open));
                if (!within) {
                    errors.add(new FieldError("sessions", day.name().toLowerCase(Locale.ROOT) + ": " + s.opens() + "–"
                            + s.closes() + " is outside the station's opening hours"));
                }
            }
        }
        if (longest > 0 && r.slotMinutes() > longest) {
            errors.add(new FieldError("slotMinutes", "is longer than every session"));
        }
        int quota = r.referralQuota() == null ? 0 : r.referralQuota();
        if (quota > r.capacity()) {
            errors.add(new FieldError("referralQuota", "must not exceed capacity"));
        }
        Duration opensBefore = orDefault(r.bookingOpensBefore(), config.booking().opensBefore());
        Duration closesBefore = orDefault(r.bookingClosesBefore(), config.booking().closesBefore());
        Duration releaseBefore = orDefault(r.referralReleaseBefore(), config.booking().referralReleaseBefore());
        if (closesBefore.isNegative() || releaseBefore.isNegative() || !opensBefore.isPositive()) {
            errors.add(new FieldError("bookingOpensBefore", "booking times must not be negative"));
        } else if (closesBefore.compareTo(opensBefore) >= 0) {
            errors.add(new FieldError("bookingClosesBefore", "must be shorter than bookingOpensBefore"));
        }
        LocalDate validFrom = r.validFrom() == null ? LocalDate.now(clock) : r.validFrom();
        if (r.validUntil() != null && r.validUntil().isBefore(validFrom)) {
            errors.add(new FieldError("validUntil", "is before validFrom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolated("The schedule breaks some rules", errors);
        }
        return new Schedule(UUID.randomUUID(), station.id(), r.service(),
                r.practitioner() == null || r.practitioner().isBlank() ? null : r.practitioner().strip(), weekdays,
                List.copyOf(sessions), r.slotMinutes(), r.capacity(), quota, (int) opensBefore.toMinutes(),
                (int) closesBefore.toMinutes(), (int) releaseBefore.toMinutes(), validFrom, r.validUntil());
    }

    private static Set<DayOfWeek> weekdays(List<String> names) {
        List<FieldError> errors = new ArrayList<>();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < names.size(); i++) {
            try {
                days.add(DayOfWeek.valueOf(names.get(i).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("weekdays[" + i + "]", "must be a day name: monday ... sunday"));
            }
        }
        QueryParameters.rejectIfAny(errors);
        return days;
    }

    private static Duration orDefault(Duration given, Duration fallback) {
        return given == null ? fallback : given;
    }

    private static Tuple insertParams(Schedule s, Caller caller) {
        try {
            return Tuple.tuple().addUUID(s.id()).addString(s.stationId()).addString(s.service().id())
                    .addString(s.practitioner())
                    .addArrayOfShort(s.weekdays().stream().map(d -> (short) d.getValue()).toArray(Short[]::new))
                    .addString(DatabaseJsonFormat.MAPPER.writeValueAsString(s.sessions())).addInteger(s.slotMinutes())
                    .addInteger(s.capacity()).addInteger(s.referralQuota()).addInteger(s.bookingOpensBeforeMinutes())
                    .addInteger(s.bookingClosesBeforeMinutes()).addInteger(s.referralReleaseBeforeMinutes())
                    .addLocalDate(s.validFrom()).addLocalDate(s.validUntil()).addString(caller.subject());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schedule schedule(Row row) {
        Set<DayOfWeek> days = new TreeSet<>();
        for (Short d : row.getArrayOfShorts("weekdays")) {
            days.add(DayOfWeek.of(d));
        }
        try {
            return new Schedule(row.getUUID("id"), row.getString("station_id"),
                    CareService.byId(row.getString("service")).orElseThrow(), row.getString("practitioner_name"),
                    EnumSet.copyOf(days), DatabaseJsonFormat.MAPPER.readValue(row.getString("sessions"), SESSIONS),
                    row.getInteger("slot_minutes"), row.getInteger("capacity"), row.getInteger("referral_quota"),
                    row.getInteger("booking_opens_before_minutes"), row.getInteger("booking_closes_before_minutes"),
                    row.getInteger("referral_release_before_minutes"), row.getLocalDate("valid_from"),
                    row.getLocalDate("valid_until"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Unreadable sessions of schedule " + row.getUUID("id"), e);
        }
    }
}
