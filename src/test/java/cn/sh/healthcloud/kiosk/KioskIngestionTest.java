package cn.sh.healthcloud.kiosk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.sh.healthcloud.TestTokens;
import cn.sh.healthcloud.account.NationalIdNumber;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kiosk sessions over the real local Mosquitto (the tests' broker) into the real PostgreSQL: stored
 * once, assessed once, the report in the account and back on the kiosk's topic, the doctor alerted,
 * and every refused message recorded with its reason while the stream goes on.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class KioskIngestionTest {

    private static String station;
    private static String centre;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    private TestKiosk kiosk;

    @BeforeEach
    void stationAndKiosk() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (station == null) {
            centre = station("community-health-center", "采集测试社区中心");
            station = station("smart-health-station", "采集测试智慧健康驿站");
        }
        String kioskId = as(TestTokens.cityAdmin()).body(Map.of("label", "测试一体机"))
                .post("/api/stations/{id}/kiosks", station).then().statusCode(201).extract().path("id");
        kiosk = new TestKiosk(vertx, kioskId);
    }

    @AfterEach
    void disconnect() {
        kiosk.close();
    }

    @Test
    void aSessionLandsInTheAccountAndItsReportComesBackToTheKiosk() {
        String idNumber = idNumber("19560412");
        String doctor = doctor("钱医生");
        String resident = signedResident(doctor, "赵敏", idNumber);
        UUID session = UUID.randomUUID();
        JsonObject bloodPressure = reading(session, card(idNumber),
                new JsonObject().put("type", "blood-pressure").put("systolic", 152).put("diastolic", 96).put("pulse", 80)
                        .put("unit", "mmHg"));
        JsonObject body = reading(session, card(idNumber),
                new JsonObject().put("type", "body-composition").put("weightKg", 78.0).put("heightCm", 170.0)
                        .put("bodyFatPercent", 27.5));

        kiosk.publishReading(bloodPressure);
        kiosk.publishReading(body);
        kiosk.close(session, List.of(id(bloodPressure), id(body)));

        JsonObject printed = kiosk.awaitReport(r -> r.getString("sessionId").equals(session.toString()));
        assertThat(printed.getString("level")).isEqualTo("see-doctor");
        assertThat(printed.getString("account")).isEqualTo("stored");
        assertThat(printed.getJsonObject("subject").getString("masked")).isEqualTo(idNumber.substring(0, 4) + "**********"
                + idNumber.substring(14));
        assertThat(codes(printed.getJsonArray("findings"))).contains("bp-hypertension-grade-1", "bmi-overweight");
        assertThat(printed.getJsonArray("prescriptions")).isNotEmpty();
        assertThat(printed.getJsonArray("readings")).hasSize(2);

        as(resident).get("/api/me/observations").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.source", equalTo(List.of("kiosk", "kiosk")))
                .body("items.sourceRef", hasItem(kiosk.id));
        as(resident).get("/api/me/reports").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].level", equalTo("see-doctor"))
                .body("items[0].sessionId", equalTo(session.toString()));
        as(doctor).get("/api/doctor/alerts").then().statusCode(200)
                .body("code", hasItem("bp-hypertension-grade-1"));
        as(resident).get("/api/me/health-points").then().statusCode(200)
                .body("items.reason", hasItem("kiosk-check-up"));
        // The report went out once and the broker acknowledged it.
        assertThat(query("select count(*) from report where session_id = $1", session).getLong(0)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> query(
                "select report_published_at is not null from kiosk_session where session_id = $1", session).getBoolean(0));
        // Readings stored in the account reclassify the resident (issue 9); the report's prescriptions are in force.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(resident).get("/api/me/health-management").then()
                .statusCode(200).body("healthClass", equalTo("higher-risk"))
                .body("reasons.code", equalTo(List.of("bp-hypertensive-range", "overweight")))
                .body("monitor.measure", equalTo(List.of("blood-pressure", "weight")))
                .body("monitor.overdue", equalTo(List.of(false, false)))
                .body("checkUp.overdue", equalTo(false))
                .body("prescriptions.report.items", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty())));
    }

    @Test
    void aReadingDeliveredAgainIsStoredOnce() {
        String idNumber = idNumber("19700101");
        String resident = resident("重复", idNumber);
        UUID session = UUID.randomUUID();
        JsonObject glucose = reading(session, card(idNumber),
                new JsonObject().put("type", "glucose").put("value", 5.2).put("context", "fasting"));

        for (int i = 0; i < 3; i++) {
            kiosk.publishReading(glucose);
        }
        kiosk.close(session, List.of(id(glucose)));
        kiosk.close(session, List.of(id(glucose)));

        kiosk.awaitReport(r -> r.getString("sessionId").equals(session.toString()));
        assertThat(query("select count(*) from kiosk_reading where reading_id = $1", UUID.fromString(id(glucose))).getLong(0))
                .isEqualTo(1);
        as(resident).get("/api/me/observations").then().body("items.size()", equalTo(1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> query(
                "select count(*) from report where session_id = $1", session).getLong(0) == 1);
        assertThat(kiosk.reports.stream().filter(r -> r.getString("sessionId").equals(session.toString())).count())
                .isEqualTo(1);
    }

    @Test
    void refusedMessagesAreRecordedWithTheirReasonAndTheStreamGoesOn() {
        UUID session = UUID.randomUUID();
        JsonObject before = reading(session, anonymous(), new JsonObject().put("type", "spo2").put("percent", 98));
        JsonObject unknownType = reading(session, anonymous(), new JsonObject().put("type", "blood-ketone").put("value", 1));
        JsonObject impossible = reading(session, anonymous(),
                new JsonObject().put("type", "blood-pressure").put("systolic", 400).put("diastolic", 90));
        String badNumber = idNumber("19600101").substring(0, 17) + "0";
        JsonObject badCard = reading(session, new JsonObject().put("idType", "resident-id-card").put("idNumber", fixCheck(badNumber)),
                new JsonObject().put("type", "temperature").put("celsius", 36.6));
        JsonObject after = reading(session, anonymous(), new JsonObject().put("type", "temperature").put("celsius", 36.8));

        kiosk.publishReading(before);
        kiosk.publishRaw("readings", "{\"readingId\": \"" + UUID.randomUUID() + "\", \"takenAt\": 310110195601011234");
        kiosk.publishReading(unknownType);
        kiosk.publishReading(impossible);
        kiosk.publishReading(badCard);
        kiosk.publishReading(after);

        JsonObject notice = kiosk.awaitRejection(r -> id(impossible).equals(r.getString("readingId")));
        assertThat(notice.getString("reason")).isEqualTo("invalid-reading");
        assertThat(notice.getJsonArray("problems").getJsonObject(0).getString("field")).isEqualTo("measurements[0].systolic");
        await().atMost(Duration.ofSeconds(10)).until(() -> query(
                "select count(*) from kiosk_reading where reading_id = any($1)",
                new UUID[] { UUID.fromString(id(before)), UUID.fromString(id(after)) }).getLong(0) == 2);
        assertThat(reason(id(unknownType))).isEqualTo("invalid-reading");
        assertThat(problems(id(unknownType))).contains("measurements[0].type");
        assertThat(reason(id(badCard))).isEqualTo("invalid-reading");
        assertThat(problems(id(badCard))).contains("subject.idNumber");
        Row malformed = query("select reason, payload from rejected_message where kiosk_id = $1 and reason = 'malformed-json'",
                kiosk.id);
        assertThat(malformed.getString("payload")).contains("3101************").doesNotContain("310110195601011234");
        assertThat(query("select payload from rejected_message where reading_id = $1", UUID.fromString(id(badCard)))
                .getString("payload")).doesNotContain(fixCheck(badNumber));
        // Nothing refused changed anything: no reading of theirs was stored.
        assertThat(query("select count(*) from kiosk_reading where reading_id = any($1)", new UUID[] {
                UUID.fromString(id(unknownType)), UUID.fromString(id(impossible)), UUID.fromString(id(badCard)) }).getLong(0))
                .isZero();
    }

    @Test
    void readingsOfAnUnknownOrRetiredKioskAreRefused() throws Exception {
        try (TestKiosk stranger = new TestKiosk(vertx, "K-NOT-REGISTERED")) {
            JsonObject reading = readingOf(stranger.id, UUID.randomUUID(), anonymous(),
                    new JsonObject().put("type", "spo2").put("percent", 97));
            stranger.publishReading(reading);
            assertThat(stranger.awaitRejection(r -> id(reading).equals(r.getString("readingId"))).getString("reason"))
                    .isEqualTo("unknown-kiosk");
        }
        as(TestTokens.cityAdmin()).delete("/api/kiosks/{id}", kiosk.id).then().statusCode(200);
        JsonObject late = reading(UUID.randomUUID(), anonymous(), new JsonObject().put("type", "spo2").put("percent", 96));
        kiosk.publishReading(late);
        assertThat(kiosk.awaitRejection(r -> id(late).equals(r.getString("readingId"))).getString("reason"))
                .isEqualTo("retired-kiosk");
    }

    @Test
    void readingsAndTheCloseMayArriveInAnyOrder() {
        UUID session = UUID.randomUUID();
        JsonObject first = reading(session, anonymous(), new JsonObject().put("type", "spo2").put("percent", 97));
        JsonObject second = reading(session, anonymous(), new JsonObject().put("type", "temperature").put("celsius", 38.0));

        kiosk.close(session, List.of(id(first), id(second)));
        kiosk.publishReading(second);
        assertThat(query("select assessed_at is null from kiosk_session where session_id = $1", session).getBoolean(0)).isTrue();
        kiosk.publishReading(first);

        JsonObject printed = kiosk.awaitReport(r -> r.getString("sessionId").equals(session.toString()));
        assertThat(printed.getString("account")).isEqualTo("none");
        assertThat(printed.getJsonObject("subject").getString("idType")).isEqualTo("anonymous");
        assertThat(printed.getJsonArray("readings")).hasSize(2);
        assertThat(printed.getString("level")).isEqualTo("attention");
    }

    @Test
    void anUnknownCardIsKeptSealedAndAttachedWhenItsResidentLinksIt() {
        String idNumber = idNumber("19881120");
        UUID session = UUID.randomUUID();
        JsonObject reading = reading(session, card(idNumber),
                new JsonObject().put("type", "blood-pressure").put("systolic", 118).put("diastolic", 76));
        kiosk.publishReading(reading);
        kiosk.close(session, List.of(id(reading)));

        JsonObject printed = kiosk.awaitReport(r -> r.getString("sessionId").equals(session.toString()));
        assertThat(printed.getString("account")).isEqualTo("pending");
        assertThat(printed.getJsonObject("note").getString("textZh")).contains("绑定身份证");
        Row pending = query("select p.sealed, p.lookup from pending_subject p join kiosk_reading r on r.pending_subject_id = p.id"
                + " where r.reading_id = $1", UUID.fromString(id(reading)));
        assertThat(new String(pending.getBuffer("sealed").getBytes(), StandardCharsets.ISO_8859_1)).doesNotContain(idNumber);

        String resident = resident("后来绑定", idNumber);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(resident).get("/api/me/observations").then()
                .body("items.size()", equalTo(1)).body("items[0].readingId", equalTo(id(reading))));
        as(resident).get("/api/me/reports").then().body("items[0].sessionId", equalTo(session.toString()));
    }

    @Test
    void anUrgentReadingReachesTheFamilyDoctorWithinSeconds() {
        String idNumber = idNumber("19450303");
        String doctor = doctor("孙医生");
        signedResident(doctor, "周大爷", idNumber);
        UUID session = UUID.randomUUID();
        JsonObject reading = reading(session, card(idNumber),
                new JsonObject().put("type", "blood-pressure").put("systolic", 188).put("diastolic", 112));
        kiosk.publishReading(reading);
        kiosk.close(session, List.of(id(reading)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(doctor).get("/api/doctor/alerts").then()
                .statusCode(200).body("residentName", hasItem("周大爷")).body("[0].observation.readingId", equalTo(id(reading))));
        assertThat(kiosk.awaitReport(r -> r.getString("sessionId").equals(session.toString())).getString("level"))
                .isEqualTo("urgent");
    }

    @Test
    void sessionsClosingTogetherAreAssessedOnceEachWithTheirOwnReport() {
        // Enough sessions at once that they are assessed in shared transactions: each still gets its
        // own report, alerts and points, and two sessions of one resident stay apart.
        String doctor = doctor("吴医生");
        List<String> idNumbers = List.of(idNumber("19500505"), idNumber("19600606"), idNumber("19700707"));
        List<String> residents = List.of(signedResident(doctor, "甲", idNumbers.get(0)),
                signedResident(doctor, "乙", idNumbers.get(1)), signedResident(doctor, "丙", idNumbers.get(2)));
        Map<UUID, Integer> systolicOf = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            UUID session = UUID.randomUUID();
            int systolic = i % 2 == 0 ? 118 : 150;
            JsonObject subject = i % 5 == 4 ? anonymous() : card(idNumbers.get(i % 3));
            JsonObject reading = reading(session, subject,
                    new JsonObject().put("type", "blood-pressure").put("systolic", systolic).put("diastolic", 78));
            kiosk.publishReading(reading);
            kiosk.close(session, List.of(id(reading)));
            systolicOf.put(session, systolic);
        }

        systolicOf.forEach((session, systolic) -> {
            JsonObject printed = kiosk.awaitReport(r -> r.getString("sessionId").equals(session.toString()));
            assertThat(printed.getString("level")).isEqualTo(systolic == 150 ? "see-doctor" : "normal");
            assertThat(printed.getJsonArray("readings")).hasSize(1);
        });
        assertThat(kiosk.reports.stream().map(r -> r.getString("sessionId")).filter(s -> systolicOf.containsKey(UUID.fromString(s))))
                .doesNotHaveDuplicates().hasSize(30);
        // Sessions 0..29 with a card are those where i % 5 != 4: 24, 8 for each resident.
        for (String resident : residents) {
            as(resident).get("/api/me/reports?size=50").then().statusCode(200).body("items.size()", equalTo(8));
            as(resident).get("/api/me/health-points?size=50").then().statusCode(200)
                    .body("items.findAll { it.reason == 'kiosk-check-up' }.size()", equalTo(8));
        }
        // Systolic 150 on the 15 odd i, less the anonymous 9, 19 and 29: 12 alerts.
        as(doctor).get("/api/doctor/alerts").then().statusCode(200)
                .body("findAll { it.code == 'bp-hypertension-grade-1' }.size()", equalTo(12));
        await().atMost(Duration.ofSeconds(10)).until(() -> query(
                "select count(*) from kiosk_session where session_id = any($1) and report_published_at is not null",
                systolicOf.keySet().toArray(UUID[]::new)).getLong(0) == 30);
    }

    @Test
    void theRetainedStatusSaysWhetherTheKioskIsOnline() {
        kiosk.status("online");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestTokens.resident("someone"))
                .get("/api/kiosks/{id}", kiosk.id).then().statusCode(200).body("state", equalTo("online")));
        kiosk.status("offline");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestTokens.resident("someone"))
                .get("/api/kiosks/{id}", kiosk.id).then().body("state", equalTo("offline")));
    }

    @Test
    void noCardNumberReachesTheLog() throws Exception {
        String idNumber = idNumber("19771230");
        UUID session = UUID.randomUUID();
        kiosk.publishReading(reading(session, card(idNumber), new JsonObject().put("type", "spo2").put("percent", 99)));
        kiosk.publishRaw("readings", "{\"subject\": {\"idNumber\": \"" + idNumber + "\"}, \"measurements\": 5}");
        await().atMost(Duration.ofSeconds(10)).until(() -> query(
                "select count(*) from rejected_message where kiosk_id = $1", kiosk.id).getLong(0) == 1);
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertThat(log).doesNotContain(idNumber);
    }

    // ---------------------------------------------------------------- fixtures

    private JsonObject reading(UUID session, JsonObject subject, JsonObject measurement) {
        return readingOf(kiosk.id, session, subject, measurement);
    }

    private static JsonObject readingOf(String kioskId, UUID session, JsonObject subject, JsonObject measurement) {
        return new JsonObject().put("readingId", UUID.randomUUID().toString()).put("sessionId", session.toString())
                .put("kioskId", kioskId).put("stationId", station)
                .put("takenAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("subject", subject)
                .put("device", new JsonObject().put("vendor", "欧姆龙").put("model", "HBP-9030").put("serial", "20231100123"))
                .put("measurements", new JsonArray().add(measurement));
    }

    static JsonObject card(String idNumber) {
        return new JsonObject().put("idType", "resident-id-card").put("idNumber", idNumber);
    }

    static JsonObject anonymous() {
        return new JsonObject().put("idType", "anonymous");
    }

    static String id(JsonObject reading) {
        return reading.getString("readingId");
    }

    /** A valid Yangpu ID number with a random sequence, so every test has its own resident. */
    static String idNumber(String birth) {
        String first17 = "310110" + birth + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + NationalIdNumber.checkCharacter(first17);
    }

    /** The same 17 digits with a wrong check character. */
    private static String fixCheck(String number) {
        char right = NationalIdNumber.checkCharacter(number.substring(0, 17));
        return number.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    private static List<String> codes(JsonArray findings) {
        return findings.stream().map(f -> ((JsonObject) f).getString("code")).toList();
    }

    private String reason(String readingId) {
        return query("select reason from rejected_message where reading_id = $1", UUID.fromString(readingId)).getString(0);
    }

    private String problems(String readingId) {
        return query("select problems::text from rejected_message where reading_id = $1", UUID.fromString(readingId))
                .getString(0);
    }

    private Row query(String sql, Object parameter) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            var rows = pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(5));
            return rows.size() == 0 ? null : rows.iterator().next();
        }, row -> row != null);
    }

    private static String station(String type, String name) {
        return as(TestTokens.cityAdmin()).body(Map.of("type", type, "name", name, "district", "310110",
                "address", "上海市杨浦区采集路1号", "position", Map.of("lat", 31.28, "lon", 121.53),
                "services", List.of("health-self-check"),
                "openingHours", Map.of("monday", List.of(Map.of("opens", "08:00", "closes", "16:30")))))
                .post("/api/stations").then().statusCode(201).extract().path("id");
    }

    private static String doctor(String name) {
        String token = Jwt.claims().subject("doc-" + UUID.randomUUID()).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("name", name).claim("station", centre)
                .claim("realm_access", Map.of("roles", List.of(Roles.DOCTOR))).sign();
        as(token).get("/api/doctor/me").then().statusCode(200);
        return token;
    }

    private static String resident(String name, String idNumber) {
        String token = Jwt.claims().subject("kiosk-" + UUID.randomUUID()).issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).claim("name", name)
                .claim("realm_access", Map.of("roles", List.of(Roles.RESIDENT))).sign();
        as(token).get("/api/me").then().statusCode(200);
        as(token).body(Map.of("number", idNumber)).put("/api/me/national-id").then().statusCode(200);
        return token;
    }

    private static String signedResident(String doctor, String name, String idNumber) {
        String practitioner = as(doctor).get("/api/doctor/me").then().extract().path("id");
        String token = resident(name, idNumber);
        as(token).body(Map.of("practitionerId", practitioner, "districtHospital", "杨浦区中心医院",
                "cityHospital", "复旦大学附属中山医院")).post("/api/me/family-doctor").then().statusCode(201);
        return token;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
