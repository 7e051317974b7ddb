package cn.sh.healthcloud.appointment;

import static cn.sh.healthcloud.appointment.AppointmentBookingTest.book;
import static cn.sh.healthcloud.appointment.AppointmentFixtures.as;
import static cn.sh.healthcloud.appointment.AppointmentFixtures.bookableSlots;
import static cn.sh.healthcloud.appointment.AppointmentFixtures.count;
import static cn.sh.healthcloud.appointment.AppointmentFixtures.execute;
import static cn.sh.healthcloud.appointment.AppointmentFixtures.resident;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import cn.sh.healthcloud.TestTokens;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing schedules, closures that cancel bookings, and family doctors' referral places. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AppointmentSchedulesTest {

    private static String centre;

    @Inject
    Pool pool;

    @BeforeEach
    void centreOnce() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (centre == null) {
            centre = AppointmentFixtures.station("community-health-center");
        }
    }

    @Test
    void publishingMaterialisesTheWindowAndAvailabilityIsPublic() {
        as(TestTokens.cityAdmin()).body(AppointmentFixtures.scheduleBody("tcm", 4, 1))
                .post("/api/stations/{id}/schedules", centre).then().statusCode(201)
                .body("slotsCreated", greaterThan(24 * 12)).body("weekdays.size()", equalTo(7))
                .body("bookingOpensBefore", equalTo("PT168H"));
        given().get("/api/stations/{id}/schedules", centre).then().statusCode(200).body("service", hasItem("tcm"));
        var days = given().get("/api/stations/{id}/slots?service=tcm", centre).then().statusCode(200)
                .body("stationId", equalTo(centre)).body("days.size()", equalTo(7)).extract().jsonPath();
        assertThat(days.getList("days[1].slots")).hasSizeGreaterThanOrEqualTo(24);
        assertThat(days.getInt("days[1].slots[0].capacity")).isGreaterThanOrEqualTo(4);
        // A day 10 days ahead exists but is not open for booking yet (opens 7 days before).
        String tenDaysAhead = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
        given().queryParam("service", "tcm").queryParam("from", tenDaysAhead).queryParam("to", tenDaysAhead)
                .get("/api/stations/{id}/slots", centre)
                .then().statusCode(200).body("days[0].slots[0].status", equalTo("not-yet-open"));
    }

    @Test
    void onlyCityAdminsAndTheStationsOwnAdminsPublishAndRulesAreChecked() {
        Map<String, Object> body = AppointmentFixtures.scheduleBody("general-practice", 2, 0);
        as(TestTokens.stationAdmin("310113-9999", AppointmentFixtures.DISTRICT)).body(body)
                .post("/api/stations/{id}/schedules", centre).then().statusCode(403);
        as(resident()).body(body).post("/api/stations/{id}/schedules", centre).then().statusCode(403);
        as(TestTokens.districtOfficer(AppointmentFixtures.DISTRICT)).body(body)
                .post("/api/stations/{id}/schedules", centre).then().statusCode(403);
        given().contentType("application/json").body(body).post("/api/stations/{id}/schedules", centre).then().statusCode(401);
        as(TestTokens.cityAdmin()).body(body).post("/api/stations/{id}/schedules", "310113-0000").then().statusCode(404);

        Map<String, Object> wrong = AppointmentFixtures.scheduleBody("pediatrics", 2, 3);
        wrong.put("sessions", List.of(Map.of("opens", "09:00", "closes", "08:00")));
        as(TestTokens.cityAdmin()).body(wrong).post("/api/stations/{id}/schedules", centre).then().statusCode(422)
                .body("errors.field", hasItem("service")).body("errors.field", hasItem("referralQuota"))
                .body("errors.field", hasItem("sessions"));
        Map<String, Object> badDay = AppointmentFixtures.scheduleBody("general-practice", 2, 0);
        badDay.put("weekdays", List.of("someday"));
        as(TestTokens.cityAdmin()).body(badDay).post("/api/stations/{id}/schedules", centre).then().statusCode(400)
                .body("errors.field", hasItem("weekdays[0]"));
        as(TestTokens.cityAdmin()).body(Map.of("service", "tcm")).post("/api/stations/{id}/schedules", centre)
                .then().statusCode(400).body("errors.field", hasItem("capacity"));
    }

    @Test
    void sessionsMustLieWithinTheStationsOpeningHours() {
        String station = as(TestTokens.cityAdmin()).body(Map.of("type", "service-station", "name",
                "预约营业时间测试站" + UUID.randomUUID().toString().substring(0, 6), "district", AppointmentFixtures.DISTRICT,
                "address", "上海市宝山区测试路2号", "position", Map.of("lat", 31.40, "lon", 121.49),
                "services", List.of("general-practice"),
                "openingHours", Map.of("monday", List.of(Map.of("opens", "08:00", "closes", "11:30")))))
                .post("/api/stations").then().statusCode(201).extract().path("id");
        Map<String, Object> body = AppointmentFixtures.scheduleBody("general-practice", 2, 0);
        body.put("weekdays", List.of("monday", "tuesday"));
        body.put("sessions", List.of(Map.of("opens", "08:00", "closes", "12:00")));
        as(TestTokens.cityAdmin()).body(body).post("/api/stations/{id}/schedules", station).then().statusCode(422)
                .body("errors.message", hasItem(containsString("monday: 08:00–12:00 is outside")))
                .body("errors.message", hasItem(containsString("tuesday")));
        body.put("weekdays", List.of("monday"));
        body.put("sessions", List.of(Map.of("opens", "08:00", "closes", "11:30")));
        body.put("slotMinutes", 15);
        as(TestTokens.stationAdmin(station, AppointmentFixtures.DISTRICT)).body(body)
                .post("/api/stations/{id}/schedules", station).then().statusCode(201);
        int perMonday = count(pool, """
                select count(*) / greatest(count(distinct day), 1) from appointment_slot s
                join appointment_schedule c on c.id = s.schedule_id where c.station_id = $1 and s.day > current_date""", station);
        assertThat(perMonday).isEqualTo(14);   // 08:00–11:30 in 15-minute slots
    }

    @Test
    void aClosureCancelsBookingsWithAReasonTheResidentSees() {
        String schedule = AppointmentFixtures.schedule(centre, "vaccination", 3, 0);
        long slot = bookableSlots(pool, schedule).get(0);
        String day = pool.preparedQuery("select day::text from appointment_slot where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(slot)).await().indefinitely().iterator().next().getString(0);
        String resident = resident();
        String id = book(resident, slot, null).then().statusCode(201).extract().path("id");
        given().get("/api/stations/{id}/slots?service=vaccination&from={d}&to={d}", centre, day, day).then().statusCode(200);

        as(TestTokens.stationAdmin("310113-9999", AppointmentFixtures.DISTRICT))
                .body(Map.of("from", day, "to", day, "service", "vaccination", "reason", "疫苗到货延迟"))
                .post("/api/stations/{id}/appointment-closures", centre).then().statusCode(403);
        as(TestTokens.stationAdmin(centre, AppointmentFixtures.DISTRICT))
                .body(Map.of("from", day, "to", day, "service", "vaccination", "reason", "疫苗到货延迟"))
                .post("/api/stations/{id}/appointment-closures", centre).then().statusCode(201)
                .body("appointmentsCancelled", equalTo(1)).body("slotsClosed", greaterThan(0));

        as(resident).get("/api/appointments/{id}", id).then().statusCode(200)
                .body("status", equalTo("cancelled-by-station")).body("cancelReason", equalTo("疫苗到货延迟"));
        given().get("/api/stations/{id}/slots?service=vaccination&from={d}&to={d}", centre, day, day).then()
                .statusCode(200)
                .body("days[0].slots.find { it.id == " + slot + " }.status", equalTo("closed"))
                .body("days[0].slots.find { it.id == " + slot + " }.closedReason", equalTo("疫苗到货延迟"));
        book(resident(), slot, null).then().statusCode(422).body("detail", containsString("疫苗到货延迟"));
        assertThat(count(pool, "select booked from appointment_slot where id = $1", slot)).isZero();
        as(TestTokens.cityAdmin()).body(Map.of("from", day, "to", "2000-01-01", "reason", "x"))
                .post("/api/stations/{id}/appointment-closures", centre).then().statusCode(422);
    }

    @Test
    void familyDoctorsBookReferralPlacesForTheirSignedResidentsOnly() {
        String schedule = AppointmentFixtures.schedule(centre, "general-practice", 2, 1);
        long slot = bookableSlots(pool, schedule, true).get(0);
        String doctorSubject = "appt-doc-" + UUID.randomUUID();
        String doctor = Jwt.claims().subject(doctorSubject).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("name", "李医生").claim("station", centre).claim("district", AppointmentFixtures.DISTRICT)
                .claim("realm_access", Map.of("roles", List.of(Roles.DOCTOR))).sign();
        String practitionerId = as(doctor).get("/api/doctor/me").then().statusCode(200).extract().path("id");
        String signed = resident();
        String signedId = as(signed).get("/api/me").then().extract().path("id");
        as(signed).body(Map.of("practitionerId", practitionerId, "districtHospital", "宝山区中心医院",
                "cityHospital", "复旦大学附属华山医院")).post("/api/me/family-doctor").then().statusCode(201);
        String unsigned = resident();
        String unsignedId = as(unsigned).get("/api/me").then().extract().path("id");

        // One public place: the referral place is held.
        given().get("/api/stations/{id}/slots?service=general-practice&from={d}&to={d}", centre, dayOf(slot), dayOf(slot))
                .then().body("days[0].slots.find { it.id == " + slot + " }.remaining", equalTo(1))
                .body("days[0].slots.find { it.id == " + slot + " }.referralPlacesHeld", equalTo(1));
        book(resident(), slot, null).then().statusCode(201);
        book(resident(), slot, null).then().statusCode(409);

        as(doctor).body(Map.of("slotId", slot, "residentId", unsignedId)).post("/api/appointments/referrals")
                .then().statusCode(403);
        as(resident()).body(Map.of("slotId", slot, "residentId", signedId)).post("/api/appointments/referrals")
                .then().statusCode(403);
        as(doctor).body(Map.of("slotId", slot, "residentId", signedId)).post("/api/appointments/referrals")
                .then().statusCode(201).body("referral", equalTo(true));
        as(signed).get("/api/me/appointments").then().body("items.referral", hasItem(true));
        assertThat(count(pool, "select referral_booked from appointment_slot where id = $1", slot)).isEqualTo(1);
        assertThat(count(pool, "select booked from appointment_slot where id = $1", slot)).isEqualTo(2);
    }

    @Test
    void unusedReferralPlacesAreReleasedToThePublicAtTheReleaseTime() {
        String schedule = AppointmentFixtures.schedule(centre, "general-practice", 1, 1);
        long slot = bookableSlots(pool, schedule, true).get(0);
        book(resident(), slot, null).then().statusCode(409);   // its only place is held for referrals
        execute(pool, "update appointment_slot set referral_release_at = now() - interval '1 minute' where id = $1", slot);
        book(resident(), slot, null).then().statusCode(201);
    }

    private String dayOf(long slot) {
        return pool.preparedQuery("select day::text from appointment_slot where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(slot)).await().indefinitely().iterator().next().getString(0);
    }
}
