package cn.sh.healthcloud.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.sh.healthcloud.TestTokens;
import cn.sh.healthcloud.account.NationalIdNumber;
import cn.sh.healthcloud.kiosk.TestKiosk;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The dashboards against the real Redis, PostgreSQL and the tests' broker: a kiosk session shows on
 * its district's figures and stream within moments, and whatever Redis lost or never heard of (its
 * keys deleted, rows committed without a live count) converges to the database's counts.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DashboardTest {

    /** Jinshan: no other test writes there (or searches near it). */
    private static final String DISTRICT = "310116";
    private static String centre;
    private static String hut;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/api/dashboards/districts/" + DISTRICT + "/stream")
    URL stream;

    private void deleteFigures() {
        List<String> keys = redis.key().keys(FigureKeys.PREFIX + "*");
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }

    private void stations() {
        if (centre == null) {
            // The test database is cleaned at start: figures of an earlier run go with it.
            deleteFigures();
            centre = station("community-health-center", "看板测试社区中心");
            hut = station("smart-health-station", "看板测试智慧健康小屋");
        }
    }

    @Test
    void aKioskSessionShowsOnItsDistrictFiguresAndStreamWithinMoments() throws Exception {
        stations();
        String officer = TestTokens.districtOfficer(DISTRICT);
        String doctor = doctor();
        String idNumber = idNumber();
        String resident = signedResident(doctor, idNumber);
        JsonPath before = figures(officer);
        JsonPath cityBefore = city();
        Queue<JsonObject> events = new ConcurrentLinkedQueue<>();
        CompletableFuture<?> following = follow(officer, events);

        try (TestKiosk kiosk = new TestKiosk(vertx, kiosk())) {
            UUID session = UUID.randomUUID();
            JsonObject urgent = reading(kiosk.id, session, idNumber, new JsonObject().put("type", "blood-pressure")
                    .put("systolic", 186).put("diastolic", 118).put("pulse", 90));
            JsonObject spo2 = reading(kiosk.id, session, idNumber, new JsonObject().put("type", "spo2").put("percent", 98));
            kiosk.publishReading(urgent);
            kiosk.publishReading(spo2);
            kiosk.close(session, List.of(urgent.getString("readingId"), spo2.getString("readingId")));
            kiosk.awaitReport(r -> r.getString("sessionId").equals(session.toString()));
        }

        // Live: well before the reconciler settles the interval (its margin is 2 s in tests).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath after = figures(officer);
            assertThat(count(after, "today.readings") - count(before, "today.readings")).isEqualTo(2);
            assertThat(count(after, "today.residentsServed") - count(before, "today.residentsServed")).isEqualTo(1);
            assertThat(kind(after, "blood-pressure", "abnormal") - kind(before, "blood-pressure", "abnormal")).isEqualTo(1);
            assertThat(kind(after, "spo2", "assessed") - kind(before, "spo2", "assessed")).isEqualTo(1);
            assertThat(kind(after, "spo2", "abnormal") - kind(before, "spo2", "abnormal")).isZero();
            assertThat(count(after, "today.urgentAlerts.raised") - count(before, "today.urgentAlerts.raised")).isEqualTo(1);
            assertThat(count(after, "last7Days.readings") - count(before, "last7Days.readings")).isEqualTo(2);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events).anySatisfy(e ->
                assertThat(e.getJsonObject("windows").getJsonObject("today").getLong("readings"))
                        .isEqualTo(count(before, "today.readings") + 2)));
        following.cancel(true);
        assertThat(count(city(), "today.readings") - count(cityBefore, "today.readings")).isGreaterThanOrEqualTo(2);

        // The doctor acknowledges; the figure counts it, and stays right once the interval is settled.
        String alert = as(doctor).get("/api/doctor/alerts").then().statusCode(200).extract().path("[0].id");
        as(doctor).body(Map.of("note", "电话随访，已预约复诊")).post("/api/doctor/alerts/{id}/acknowledge", alert)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(figures(officer),
                "today.urgentAlerts.acknowledged") - count(before, "today.urgentAlerts.acknowledged")).isEqualTo(1));
        Thread.sleep(4_000);
        JsonPath settled = figures(officer);
        assertThat(count(settled, "today.readings")).isEqualTo(databaseReadingsToday());
        assertThat(count(settled, "today.urgentAlerts.acknowledged") - count(before, "today.urgentAlerts.acknowledged"))
                .isEqualTo(1);
        assertThat(settled.getLong("signings.total")).isEqualTo(databaseActiveContracts());
        as(resident).get("/api/me").then().statusCode(200);
    }

    @Test
    void figuresConvergeToTheDatabaseAfterRedisLosesThemOrMissesACount() {
        stations();
        String officer = TestTokens.districtOfficer(DISTRICT);
        String kioskId = kiosk();
        signedResident(doctor(), idNumber());
        // Rows committed with no live count, as when a replica stops between its commit and Redis.
        for (int i = 0; i < 3; i++) {
            execute("""
                    insert into kiosk_reading (reading_id, kiosk_id, station_id, session_id, taken_at, subject_kind, measurements)
                    values ($1, $2, $3, $4, now(), 'anonymous', '{"items": []}')""", UUID.randomUUID(), kioskId, hut,
                    UUID.randomUUID());
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(count(figures(officer), "today.readings"))
                .isEqualTo(databaseReadingsToday()));

        deleteFigures();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonPath rebuilt = figures(officer);
            assertThat(count(rebuilt, "today.readings")).isEqualTo(databaseReadingsToday()).isPositive();
            assertThat(rebuilt.getLong("signings.total")).isEqualTo(databaseActiveContracts()).isPositive();
            assertThat(rebuilt.getInt("kiosks.registered")).isEqualTo(databaseKiosks());
            assertThat(rebuilt.getList("trend")).hasSize(30);
        });
    }

    @Test
    void residentsUnderContractAreCountedByHealthClassAsTheDatabaseHasThem() {
        stations();
        String officer = TestTokens.districtOfficer(DISTRICT);
        String resident = signedResident(doctor(), idNumber());
        // A home reading in the hypertensive range, no diagnosis: higher risk ("see your doctor to confirm").
        as(resident).body(Map.of("takenAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).toString(),
                "measurement", Map.of("type", "blood-pressure", "systolic", 152, "diastolic", 94)))
                .post("/api/me/observations").then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath figures = figures(officer);
            long higherRisk = databaseResidentsInClass("higher-risk");
            assertThat(higherRisk).isPositive();
            assertThat(figures.getLong("healthClasses.'higher-risk'")).isEqualTo(higherRisk);
            for (String healthClass : List.of("ill", "recovering", "healthy")) {
                assertThat(figures.getLong("healthClasses.'" + healthClass + "'")).as(healthClass)
                        .isEqualTo(databaseResidentsInClass(healthClass));
            }
        });
        assertThat(given().auth().oauth2(officer).get("/api/dashboards/districts/" + DISTRICT).asString())
                .as("counts only: no resident's name").doesNotContain("看板居民");
    }

    @Test
    void appointmentUseAndKioskPresenceFollowTheDatabase() {
        stations();
        String officer = TestTokens.districtOfficer(DISTRICT);
        String kioskId = kiosk();
        UUID schedule = UUID.randomUUID();
        execute("""
                insert into appointment_schedule (id, station_id, service, weekdays, sessions, slot_minutes, capacity,
                    referral_quota, booking_opens_before_minutes, booking_closes_before_minutes,
                    referral_release_before_minutes, valid_from, created_by)
                values ($1, $2, 'tcm', '{1,2,3,4,5,6,7}', '[]', 30, 12, 0, 10080, 0, 0, current_date, 'dashboard-test')""",
                schedule, centre);
        execute("""
                insert into appointment_slot (schedule_id, station_id, service, day, starts_at, ends_at, capacity,
                    referral_quota, booked, booking_opens_at, booking_closes_at, referral_release_at)
                values ($1, $2, 'tcm', (now() at time zone 'Asia/Shanghai')::date, now(), now() + interval '30 minutes',
                    12, 0, 5, now() - interval '1 day', now(), now())""", schedule, centre);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath figures = figures(officer);
            assertThat(figures.getMap("windows.today.appointments.byService.find { it.service == 'tcm' }"))
                    .containsEntry("capacity", 12).containsEntry("booked", 5).containsEntry("noShows", 0);
        });

        try (TestKiosk kiosk = new TestKiosk(vertx, kioskId)) {
            kiosk.status("online");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(figures(officer)
                    .getMap("kiosks.list.find { it.id == '" + kioskId + "' }")).containsEntry("online", true));
            kiosk.status("offline");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(figures(officer)
                    .getMap("kiosks.list.find { it.id == '" + kioskId + "' }")).containsEntry("online", false));
        }
    }

    @Test
    void onlyTheDistrictsOfficersAndCityAdminsReadItsFigures() {
        given().get("/api/dashboards/districts/{code}", DISTRICT).then().statusCode(401);
        as(TestTokens.districtOfficer("310110")).get("/api/dashboards/districts/{code}", DISTRICT).then()
                .statusCode(403).contentType("application/problem+json");
        as(TestTokens.resident("dash-" + UUID.randomUUID())).get("/api/dashboards/districts/{code}", DISTRICT).then()
                .statusCode(403);
        as(TestTokens.districtOfficer(DISTRICT)).get("/api/dashboards/city").then().statusCode(403);
        as(TestTokens.districtOfficer(DISTRICT)).get("/api/dashboards/city/stream").then().statusCode(403);
        as(TestTokens.districtOfficer("310110")).get("/api/dashboards/districts/{code}/stream", DISTRICT).then()
                .statusCode(403);
        as(TestTokens.cityAdmin()).get("/api/dashboards/districts/999999").then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.cityAdmin()).get("/api/dashboards/districts/{code}", DISTRICT).then().statusCode(200)
                .body("scope.code", equalTo(DISTRICT)).body("scope.nameEn", equalTo("Jinshan"));
        as(TestTokens.cityAdmin()).get("/api/dashboards/city").then().statusCode(200)
                .body("scope.kind", equalTo("city")).body("districts.size()", equalTo(16));
        given().get("/api/dashboards/client-config").then().statusCode(200)
                .body("clientId", equalTo("healthcloud-dashboard"));
    }

    @Test
    void aStreamEndsWhenTheTokenThatOpenedItExpires() {
        String shortLived = Jwt.claims().subject("dash-officer-" + UUID.randomUUID()).issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).claim("district", DISTRICT)
                .claim("realm_access", Map.of("roles", List.of(Roles.DISTRICT_OFFICER))).expiresIn(3).sign();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + shortLived).header("Accept", "text/event-stream").build();
        long events = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body().filter(line -> line.startsWith("data:")).count();
        });
        assertThat(events).isPositive();
    }

    /** Follows the district's stream in the background, collecting each "figures" event. */
    private CompletableFuture<?> follow(String token, Queue<JsonObject> events) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString())).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    response.body().filter(line -> line.startsWith("data:"))
                            .forEach(line -> events.add(new JsonObject(line.substring(5).strip())));
                });
    }

    private static JsonPath figures(String token) {
        return as(token).get("/api/dashboards/districts/{code}", DISTRICT).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath city() {
        return as(TestTokens.cityAdmin()).get("/api/dashboards/city").then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath figures, String path) {
        return figures.getLong("windows." + path);
    }

    private static long kind(JsonPath figures, String kind, String what) {
        Number n = figures.get("windows.today.abnormal.byKind.find { it.kind == '" + kind + "' }." + what);
        return n == null ? 0 : n.longValue();
    }

    private long databaseReadingsToday() {
        return scalar("""
                select count(*) from kiosk_reading where left(station_id, 6) = $1
                  and (received_at at time zone 'Asia/Shanghai')::date = (now() at time zone 'Asia/Shanghai')::date""");
    }

    private long databaseActiveContracts() {
        return scalar("select count(*) from family_doctor_contract where left(community_centre_id, 6) = $1 and ended_at is null");
    }

    private long databaseResidentsInClass(String healthClass) {
        return pool.preparedQuery("""
                select count(*) from family_doctor_contract c join resident_stratification r on r.resident_id = c.resident_id
                where left(c.community_centre_id, 6) = $1 and c.ended_at is null and r.health_class = $2""")
                .execute(Tuple.of(DISTRICT, healthClass)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    private int databaseKiosks() {
        return (int) scalar("select count(*) from kiosk where left(station_id, 6) = $1 and retired_at is null");
    }

    private long scalar(String sql) {
        return pool.preparedQuery(sql).execute(Tuple.of(DISTRICT)).await().atMost(Duration.ofSeconds(5)).iterator().next()
                .getLong(0);
    }

    private void execute(String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(5));
    }

    private static String kiosk() {
        return as(TestTokens.cityAdmin()).body(Map.of("label", "看板测试一体机")).post("/api/stations/{id}/kiosks", hut)
                .then().statusCode(201).extract().path("id");
    }

    private static JsonObject reading(String kioskId, UUID session, String idNumber, JsonObject measurement) {
        return new JsonObject().put("readingId", UUID.randomUUID().toString()).put("sessionId", session.toString())
                .put("kioskId", kioskId).put("stationId", hut)
                .put("takenAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("subject", new JsonObject().put("idType", "resident-id-card").put("idNumber", idNumber))
                .put("device", new JsonObject().put("vendor", "欧姆龙").put("model", "HBP-9030").put("serial", "20231100123"))
                .put("measurements", new JsonArray().add(measurement));
    }

    /** A valid Jinshan ID number with a random sequence. */
    private static String idNumber() {
        String first17 = DISTRICT + "1950" + String.format("%02d%02d%03d", 1 + ThreadLocalRandom.current().nextInt(12),
                1 + ThreadLocalRandom.current().nextInt(28), ThreadLocalRandom.current().nextInt(1000));
        return first17 + NationalIdNumber.checkCharacter(first17);
    }

    private static String station(String type, String name) {
        return as(TestTokens.cityAdmin()).body(Map.of("type", type, "name", name, "district", DISTRICT,
                "address", "上海市金山区看板路1号", "position", Map.of("lat", 30.74, "lon", 121.34),
                "services", List.of("health-self-check"),
                "openingHours", Map.of("monday", List.of(Map.of("opens", "08:00", "closes", "16:30")))))
                .post("/api/stations").then().statusCode(201).extract().path("id");
    }

    private static String doctor() {
        String token = Jwt.claims().subject("dash-doc-" + UUID.randomUUID()).issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).claim("name", "施医生").claim("station", centre)
                .claim("realm_access", Map.of("roles", List.of(Roles.DOCTOR))).sign();
        as(token).get("/api/doctor/me").then().statusCode(200);
        return token;
    }

    private static String signedResident(String doctor, String idNumber) {
        String practitioner = as(doctor).get("/api/doctor/me").then().extract().path("id");
        String token = Jwt.claims().subject("dash-" + UUID.randomUUID()).issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).claim("name", "看板居民")
                .claim("realm_access", Map.of("roles", List.of(Roles.RESIDENT))).sign();
        as(token).get("/api/me").then().statusCode(200);
        as(token).body(Map.of("number", idNumber)).put("/api/me/national-id").then().statusCode(200);
        as(token).body(Map.of("practitionerId", practitioner, "districtHospital", "金山区中心医院",
                "cityHospital", "复旦大学附属中山医院", "priorityGroups", List.of("aged-65-plus")))
                .post("/api/me/family-doctor").then().statusCode(201);
        return token;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
