package cn.sh.healthcloud.appointment;

import static cn.sh.healthcloud.appointment.AppointmentFixtures.as;
import static cn.sh.healthcloud.appointment.AppointmentFixtures.bookableSlots;
import static cn.sh.healthcloud.appointment.AppointmentFixtures.count;
import static cn.sh.healthcloud.appointment.AppointmentFixtures.execute;
import static cn.sh.healthcloud.appointment.AppointmentFixtures.resident;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.sh.healthcloud.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Booking for oneself: capacity, idempotency, the rules of §3.2, cancelling, and what staff record. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AppointmentBookingTest {

    private static final String FULL = "https://healthcloud.sh.cn/problems/slot-full";
    private static final String NOT_BOOKABLE = "https://healthcloud.sh.cn/problems/slot-not-bookable";
    private static String station;

    @Inject
    Pool pool;

    @BeforeEach
    void stationOnce() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (station == null) {
            station = AppointmentFixtures.station("community-health-center");
        }
    }

    @Test
    void bookingTakesAPlaceShowsInMyListAndInAvailabilityAtOnce() {
        String schedule = AppointmentFixtures.schedule(station, "general-practice", 3, 0);
        long slot = bookableSlots(pool, schedule).get(0);
        String day = slotDay(slot);
        remainingOf(slot, day, 3);   // now cached

        String resident = resident();
        String id = book(resident, slot, null).then().statusCode(201)
                .header("Location", containsString("/api/appointments/"))
                .body("slotId", equalTo((int) slot)).body("status", equalTo("booked"))
                .body("service", equalTo("general-practice")).body("practitioner", equalTo("王医生"))
                .body("referral", equalTo(false)).body("stationId", equalTo(station))
                .extract().path("id");

        remainingOf(slot, day, 2);
        as(resident).get("/api/appointments/{id}", id).then().statusCode(200).body("id", equalTo(id));
        as(resident).get("/api/me/appointments").then().statusCode(200).body("items.id", hasItem(id));
        as(resident).get("/api/me/appointments?when=past").then().statusCode(200).body("items.size()", equalTo(0));
        as(resident()).get("/api/appointments/{id}", id).then().statusCode(404);
        assertThat(count(pool, "select booked from appointment_slot where id = $1", slot)).isEqualTo(1);
    }

    @Test
    void aFullSlotIs409AndNothingIsStored() {
        long slot = bookableSlots(pool, AppointmentFixtures.schedule(station, "general-practice", 1, 0)).get(0);
        book(resident(), slot, null).then().statusCode(201);
        String body = book(resident(), slot, null).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(FULL)).extract().asString();
        assertThat(body).doesNotContain("Exception");
        assertThat(count(pool, "select count(*) from appointment where slot_id = $1", slot)).isEqualTo(1);
    }

    @Test
    void pastClosedAndOutOfWindowSlotsAre422() {
        List<Long> slots = bookableSlots(pool, AppointmentFixtures.schedule(station, "general-practice", 5, 0));
        long past = slots.get(0);
        long notYetOpen = slots.get(1);
        long bookingClosed = slots.get(2);
        execute(pool, "update appointment_slot set starts_at = now() - interval '1 hour', booking_closes_at = now() + interval '1 hour' where id = $1", past);
        execute(pool, "update appointment_slot set booking_opens_at = now() + interval '1 day' where id = $1", notYetOpen);
        execute(pool, "update appointment_slot set booking_closes_at = now() - interval '1 minute' where id = $1", bookingClosed);

        String resident = resident();
        book(resident, past, null).then().statusCode(422).body("type", equalTo(NOT_BOOKABLE))
                .body("detail", containsString("already started"));
        book(resident, notYetOpen, null).then().statusCode(422).body("type", equalTo(NOT_BOOKABLE))
                .body("detail", containsString("opens at"));
        book(resident, bookingClosed, null).then().statusCode(422).body("detail", containsString("closed at"));
        book(resident, 999_999_999L, null).then().statusCode(404);
        assertThat(count(pool, "select coalesce(sum(booked), 0) from appointment_slot where id = any($1)",
                (Object) new Long[] { past, notYetOpen, bookingClosed })).isZero();
    }

    @Test
    void theSameIdempotencyKeyNeverBooksTwice() {
        List<Long> slots = bookableSlots(pool, AppointmentFixtures.schedule(station, "tcm", 5, 0));
        String resident = resident();
        String key = UUID.randomUUID().toString();

        Response first = book(resident, slots.get(0), key);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        String id = first.path("id");
        book(resident, slots.get(0), key).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(id));
        book(resident, slots.get(1), key).then().statusCode(422)
                .body("type", equalTo("https://healthcloud.sh.cn/problems/idempotency-key-reused"));
        // Keys are per caller: another resident's identical key is a request of its own.
        book(resident(), slots.get(0), key).then().statusCode(201).body("id", org.hamcrest.Matchers.not(id));

        assertThat(count(pool, "select count(*) from appointment where slot_id = $1", slots.get(0))).isEqualTo(2);
        assertThat(count(pool, "select booked from appointment_slot where id = $1", slots.get(0))).isEqualTo(2);
    }

    @Test
    void aRefusedRequestIsRefusedAgainOnRetryEvenIfAPlaceFreesUp() {
        long slot = bookableSlots(pool, AppointmentFixtures.schedule(station, "tcm", 1, 0)).get(0);
        String holder = resident();
        String holding = book(holder, slot, null).then().statusCode(201).extract().path("id");
        String resident = resident();
        String key = "retry-" + UUID.randomUUID();
        book(resident, slot, key).then().statusCode(409).body("type", equalTo(FULL));

        as(holder).post("/api/appointments/{id}/cancel", holding).then().statusCode(200);
        book(resident, slot, key).then().statusCode(409).body("type", equalTo(FULL));
        book(resident, slot, "new-" + key).then().statusCode(201);
    }

    @Test
    void oneActiveBookingPerServicePerDay() {
        String schedule = AppointmentFixtures.schedule(station, "vaccination", 5, 0);
        List<Long> slots = bookableSlots(pool, schedule);
        long first = slots.get(0);
        long sameDay = slots.stream().filter(s -> s != first && slotDay(s).equals(slotDay(first))).findFirst()
                .orElseGet(() -> slots.get(1));
        org.junit.jupiter.api.Assumptions.assumeTrue(slotDay(sameDay).equals(slotDay(first)));
        String resident = resident();

        String id = book(resident, first, null).then().statusCode(201).extract().path("id");
        book(resident, sameDay, null).then().statusCode(409)
                .body("type", equalTo("https://healthcloud.sh.cn/problems/already-booked"));
        assertThat(count(pool, "select booked from appointment_slot where id = $1", sameDay)).isZero();
        // Another service the same day is fine.
        long tcm = bookableSlots(pool, AppointmentFixtures.schedule(station, "tcm", 5, 0)).stream()
                .filter(s -> slotDay(s).equals(slotDay(first))).findFirst().orElseThrow();
        book(resident, tcm, null).then().statusCode(201);

        as(resident).post("/api/appointments/{id}/cancel", id).then().statusCode(200).body("status", equalTo("cancelled"));
        book(resident, sameDay, null).then().statusCode(201);
    }

    @Test
    void cancellingGivesThePlaceBackUntilTheCutOff() {
        List<Long> slots = bookableSlots(pool, AppointmentFixtures.schedule(station, "general-practice", 2, 0));
        long slot = slots.get(0);
        String resident = resident();
        String id = book(resident, slot, null).then().statusCode(201).extract().path("id");

        as(resident()).post("/api/appointments/{id}/cancel", id).then().statusCode(404);
        as(resident).post("/api/appointments/{id}/cancel", "not-a-uuid").then().statusCode(404);
        as(resident).post("/api/appointments/{id}/cancel", id).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("cancelledAt", notNullValue());
        assertThat(count(pool, "select booked from appointment_slot where id = $1", slot)).isZero();
        as(resident).post("/api/appointments/{id}/cancel", id).then().statusCode(409);

        // A booking whose slot starts within the cut-off (2 h) can no longer be cancelled.
        long soon = slots.get(1);
        String late = book(resident, soon, null).then().statusCode(201).extract().path("id");
        execute(pool, "update appointment set starts_at = now() + interval '1 hour' where id = $1", UUID.fromString(late));
        as(resident).post("/api/appointments/{id}/cancel", late).then().statusCode(422)
                .body("detail", containsString("cancelled until"));
    }

    @Test
    void stationStaffCheckInAndRecordNoShows() {
        List<Long> slots = bookableSlots(pool, AppointmentFixtures.schedule(station, "general-practice", 5, 0));
        String admin = TestTokens.stationAdmin(station, AppointmentFixtures.DISTRICT);
        String doctor = TestTokens.doctor("appt-doc-" + UUID.randomUUID(), station, AppointmentFixtures.DISTRICT);
        String otherStationAdmin = TestTokens.stationAdmin("310113-9999", AppointmentFixtures.DISTRICT);

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String comes = book(resident(), slots.get(0), null).then().statusCode(201).extract().path("id");
        execute(pool, "update appointment set day = $2 where id = $1", UUID.fromString(comes), LocalDate.parse(today).plusDays(1));
        as(admin).post("/api/appointments/{id}/check-in", comes).then().statusCode(422)
                .body("detail", containsString("day of their appointment"));
        execute(pool, "update appointment set day = $2, starts_at = now() + interval '5 minutes' where id = $1",
                UUID.fromString(comes), LocalDate.parse(today));
        as(otherStationAdmin).post("/api/appointments/{id}/check-in", comes).then().statusCode(403);
        as(resident()).post("/api/appointments/{id}/check-in", comes).then().statusCode(403);
        as(doctor).post("/api/appointments/{id}/check-in", comes).then().statusCode(200)
                .body("status", equalTo("checked-in")).body("checkedInAt", notNullValue());
        as(admin).post("/api/appointments/{id}/check-in", comes).then().statusCode(409);

        String stays = book(resident(), slots.get(1), null).then().statusCode(201).extract().path("id");
        as(admin).post("/api/appointments/{id}/no-show", stays).then().statusCode(422)
                .body("detail", containsString("has started"));
        execute(pool, "update appointment set starts_at = now() - interval '20 minutes' where id = $1", UUID.fromString(stays));
        as(admin).post("/api/appointments/{id}/no-show", stays).then().statusCode(200).body("status", equalTo("no-show"));
        as(admin).post("/api/appointments/{id}/no-show", stays).then().statusCode(409);
    }

    @Test
    void repeatedNoShowsSuspendBooking() {
        List<Long> slots = bookableSlots(pool, AppointmentFixtures.schedule(station, "general-practice", 5, 0));
        String resident = resident();
        // Three missed bookings (a no-show is no longer active, so the same slot can be booked again).
        for (int i = 0; i < 3; i++) {
            String id = book(resident, slots.get(0), null).then().statusCode(201).extract().path("id");
            execute(pool, "update appointment set status = 'NO_SHOW', no_show_at = now() - interval '1 day' where id = $1",
                    UUID.fromString(id));
        }
        long another = slots.get(slots.size() - 1);
        book(resident, another, null).then().statusCode(422)
                .body("type", equalTo("https://healthcloud.sh.cn/problems/booking-suspended"))
                .body("detail", containsString("suspended until"));
        // Long-past no-shows no longer count.
        execute(pool, "update appointment set no_show_at = now() - interval '100 days' where resident_id = "
                + "(select id from resident where subject = $1)", subjectOf(resident));
        book(resident, another, null).then().statusCode(201);
    }

    @Test
    void bookingAttemptsAreRateLimitedPerResident() {
        String resident = resident();
        for (int i = 0; i < 20; i++) {
            book(resident, 999_999_000L + i, null).then().statusCode(404);
        }
        book(resident, 999_999_999L, null).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://healthcloud.sh.cn/problems/too-many-requests"));
        // Someone else is not affected.
        book(resident(), 999_999_999L, null).then().statusCode(404);
    }

    @Test
    void badRequestsAreClearProblems() {
        given().contentType("application/json").body(Map.of("slotId", 1)).post("/api/appointments").then().statusCode(401);
        as(TestTokens.cityAdmin()).body(Map.of("slotId", 1)).post("/api/appointments").then().statusCode(403);
        as(resident()).body(Map.of()).post("/api/appointments").then().statusCode(400)
                .body("errors.field", hasItem("slotId"));
        as(resident()).header("Idempotency-Key", "has spaces in it").body(Map.of("slotId", 1))
                .post("/api/appointments").then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
        given().get("/api/stations/{id}/slots?service=nope", station).then().statusCode(400)
                .body("errors.field", hasItem("service"));
        given().get("/api/stations/{id}/slots?service=tcm&from=2026-01-10&to=2026-01-01", station).then().statusCode(400);
        given().get("/api/stations/{id}/slots?service=tcm&from=2026-01-01&to=2026-03-01", station).then().statusCode(400);
        given().get("/api/stations/{id}/slots?service=tcm&from=yesterday", station).then().statusCode(400)
                .body("errors.field", hasItem("from"));
        as(resident()).get("/api/me/appointments?when=someday").then().statusCode(400);
    }

    private String slotDay(long slot) {
        return pool.preparedQuery("select day::text from appointment_slot where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(slot)).await().indefinitely().iterator().next().getString(0);
    }

    private void remainingOf(long slot, String day, int remaining) {
        String service = pool.preparedQuery("select service from appointment_slot where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(slot)).await().indefinitely().iterator().next().getString(0);
        given().get("/api/stations/{id}/slots?service={s}&from={d}&to={d}", station, service, day, day)
                .then().statusCode(200)
                .body("days[0].slots.find { it.id == " + slot + " }.remaining", equalTo(remaining));
    }

    static Response book(String token, long slot, String key) {
        var request = as(token).body(Map.of("slotId", slot));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/appointments");
    }

    private static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }
}
