package cn.sh.healthcloud.appointment;

import static io.restassured.RestAssured.given;

import cn.sh.healthcloud.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stations and schedules for appointment tests. The test database is shared by every test class,
 * so each station is new (Baoshan, 310113, unique name) and open all day every day, and each test
 * publishes its own schedule. Slot times are moved with SQL where a rule needs the past or future.
 */
final class AppointmentFixtures {

    static final String DISTRICT = "310113";

    private AppointmentFixtures() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A new station open 00:00–24:00 every day, of the given kind. */
    static String station(String type) {
        List<Map<String, String>> allDay = List.of(Map.of("opens", "00:00", "closes", "00:00"));
        Map<String, Object> hours = new HashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            hours.put(day, allDay);
        }
        return as(TestTokens.cityAdmin()).body(Map.of("type", type, "name", "预约测试站" + UUID.randomUUID().toString().substring(0, 8),
                "district", DISTRICT, "address", "上海市宝山区测试路1号", "position", Map.of("lat", 31.40, "lon", 121.49),
                "services", List.of("general-practice", "family-doctor", "tcm", "vaccination"),
                "openingHours", hours))
                .post("/api/stations").then().statusCode(201).extract().path("id");
    }

    /** Publishes hourly slots every day, all day, and returns the schedule id. */
    static String schedule(String station, String service, int capacity, int referralQuota) {
        return as(TestTokens.stationAdmin(station, DISTRICT)).body(scheduleBody(service, capacity, referralQuota))
                .post("/api/stations/{id}/schedules", station).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> scheduleBody(String service, int capacity, int referralQuota) {
        return new HashMap<>(Map.of("service", service, "practitioner", "王医生",
                "weekdays", List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
                "sessions", List.of(Map.of("opens", "00:00", "closes", "00:00")),
                "slotMinutes", 60, "capacity", capacity, "referralQuota", referralQuota));
    }

    /** Bookable slots of a schedule now (open for booking, far enough ahead to cancel), soonest first. */
    static List<Long> bookableSlots(Pool pool, String scheduleId) {
        return bookableSlots(pool, scheduleId, false);
    }

    /** With {@code referralPlacesHeld}, only slots whose referral places are not yet released. */
    static List<Long> bookableSlots(Pool pool, String scheduleId, boolean referralPlacesHeld) {
        List<Long> ids = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                select id from appointment_slot where schedule_id = $1 and closed_reason is null
                  and booking_opens_at <= now() and booking_closes_at > now() + interval '10 minutes'
                  and starts_at > now() + interval '3 hours' and (not $2 or referral_release_at > now() + interval '1 hour')
                order by starts_at""").execute(Tuple.of(UUID.fromString(scheduleId), referralPlacesHeld)).await().indefinitely()) {
            ids.add(row.getLong("id"));
        }
        return ids;
    }

    static int count(Pool pool, String sql, Object... params) {
        Row row = pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next();
        return ((Number) row.getValue(0)).intValue();
    }

    static void execute(Pool pool, String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely();
    }

    static String resident() {
        return TestTokens.resident("appt-res-" + UUID.randomUUID());
    }
}
