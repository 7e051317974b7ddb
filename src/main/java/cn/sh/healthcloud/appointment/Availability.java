package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.directory.CareService;
import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.QueryParameters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Public availability of a station's service over a date range, the hottest read. Each day is one
 * Redis entry holding that day's slots as JSON; the days missing from Redis are loaded with one
 * statement on the reactive SQL client (no entity hydration) and stored. The response is put
 * together from those JSON pieces, so a cached day is never parsed or re-serialised.
 *
 * <p>Referral places are released by computation, not by a job: a slot's places held for referrals
 * count against the public only until its {@code referral_release_at}, here and in the booking
 * statement alike. Nothing has to run on time, and a replica that was down misses nothing; the
 * cache's TTL bounds how late a release shows here.
 */
@ApplicationScoped
class Availability {

    private static final String DAYS = """
            select id, day, starts_at, ends_at, practitioner_name, capacity, booked, referral_quota, referral_booked,
                   booking_opens_at, booking_closes_at, referral_release_at, closed_reason
            from appointment_slot
            where station_id = $1 and service = $2 and day = any($3)
            order by day, starts_at, id""";

    private final Pool pool;
    private final AvailabilityCache cache;
    private final ObjectMapper json;
    private final AppointmentConfig config;
    private final Clock clock;

    Availability(Pool pool, AvailabilityCache cache, ObjectMapper json, AppointmentConfig config, Clock clock) {
        this.pool = pool;
        this.cache = cache;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    record Params(String stationId, String service, String from, String to) {
    }

    /** The response body: {stationId, service, from, to, days: [{date, slots: [...]}]}. */
    Uni<String> slots(Params p) {
        List<FieldError> errors = new ArrayList<>();
        CareService service = null;
        if (p.service() == null) {
            errors.add(new FieldError("service", "is required"));
        } else {
            service = CareService.byId(p.service()).orElse(null);
            if (service == null) {
                errors.add(new FieldError("service", "is not a known service"));
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = date("from", p.from(), today, errors);
        LocalDate to = date("to", p.to(), from.plusDays(6), errors);
        if (errors.isEmpty() && to.isBefore(from)) {
            errors.add(new FieldError("to", "is before from"));
        } else if (errors.isEmpty() && ChronoUnit.DAYS.between(from, to) >= config.maxAvailabilityDays()) {
            errors.add(new FieldError("to", "at most " + config.maxAvailabilityDays() + " days from from"));
        }
        QueryParameters.rejectIfAny(errors);
        String serviceId = service.id();
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        List<String> keys = days.stream().map(d -> AvailabilityCache.key(p.stationId(), serviceId, d)).toList();
        return cache.get(keys).onFailure().recoverWithItem(Map.of()).chain(cached -> {
            List<LocalDate> missing = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                if (cached.get(keys.get(i)) == null) {
                    missing.add(days.get(i));
                }
            }
            if (missing.isEmpty()) {
                return Uni.createFrom().item(body(p.stationId(), serviceId, from, to, days, keys, cached, Map.of()));
            }
            return load(p.stationId(), serviceId, missing).chain(loaded -> {
                Map<LocalDate, String> fresh = new HashMap<>();
                List<Uni<Void>> puts = new ArrayList<>();
                for (LocalDate day : missing) {
                    String dayJson = write(loaded.getOrDefault(day, List.of()));
                    fresh.put(day, dayJson);
                    puts.add(cache.put(AvailabilityCache.key(p.stationId(), serviceId, day), dayJson));
                }
                return Uni.join().all(puts).andCollectFailures().onFailure().recoverWithNull()
                        .map(x -> body(p.stationId(), serviceId, from, to, days, keys, cached, fresh));
            });
        });
    }

    private Uni<Map<LocalDate, List<SlotView>>> load(String stationId, String service, List<LocalDate> days) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.preparedQuery(DAYS).execute(Tuple.of(stationId, service, days.toArray(LocalDate[]::new)))
                .map(rows -> {
                    Map<LocalDate, List<SlotView>> byDay = new HashMap<>();
                    for (Row row : rows) {
                        byDay.computeIfAbsent(row.getLocalDate("day"), d -> new ArrayList<>()).add(view(row, now));
                    }
                    return byDay;
                });
    }

    static SlotView view(Row row, OffsetDateTime now) {
        int capacity = row.getInteger("capacity");
        int booked = row.getInteger("booked");
        OffsetDateTime startsAt = row.getOffsetDateTime("starts_at");
        OffsetDateTime opensAt = row.getOffsetDateTime("booking_opens_at");
        OffsetDateTime closesAt = row.getOffsetDateTime("booking_closes_at");
        int held = now.isBefore(row.getOffsetDateTime("referral_release_at"))
                ? Math.max(row.getInteger("referral_quota") - row.getInteger("referral_booked"), 0)
                : 0;
        int remaining = Math.max(capacity - booked - held, 0);
        String closedReason = row.getString("closed_reason");
        String status;
        if (closedReason != null) {
            status = "closed";
        } else if (!now.isBefore(closesAt) || !now.isBefore(startsAt)) {
            status = "booking-closed";
        } else if (now.isBefore(opensAt)) {
            status = "not-yet-open";
        } else {
            status = remaining == 0 ? "full" : "open";
        }
        return new SlotView(row.getLong("id"), AppointmentView.local(startsAt),
                AppointmentView.local(row.getOffsetDateTime("ends_at")), row.getString("practitioner_name"), capacity,
                remaining, held, status, AppointmentView.local(opensAt), AppointmentView.local(closesAt), closedReason);
    }

    private String write(List<SlotView> slots) {
        try {
            return json.writeValueAsString(slots);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String body(String stationId, String service, LocalDate from, LocalDate to, List<LocalDate> days,
            List<String> keys, Map<String, String> cached, Map<LocalDate, String> fresh) {
        StringBuilder out = new StringBuilder(256 + days.size() * 512);
        out.append("{\"stationId\":").append(quoted(stationId)).append(",\"service\":\"").append(service)
                .append("\",\"from\":\"").append(from).append("\",\"to\":\"").append(to).append("\",\"days\":[");
        for (int i = 0; i < days.size(); i++) {
            String dayJson = fresh.get(days.get(i));
            if (dayJson == null) {
                dayJson = cached.get(keys.get(i));
            }
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"date\":\"").append(days.get(i)).append("\",\"slots\":").append(dayJson).append('}');
        }
        return out.append("]}").toString();
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String name, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date like 2026-11-23"));
            return fallback;
        }
    }
}
