package cn.sh.healthcloud.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import cn.sh.healthcloud.TestTokens;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Health management (issue 9) through the API: conditions recorded by the signed family doctor,
 * the class recomputed when data arrives, the resident's management list, and the doctor's panel.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HealthManagementTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static String centre;

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /** A doctor with one signed resident, fresh for each test. */
    private String doctor;
    private String resident;
    private String residentId;

    @BeforeEach
    void signAResident() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (centre == null) {
            centre = createCentre();
        }
        doctor = doctor("doc-" + UUID.randomUUID(), "周医生");
        String practitionerId = as(doctor).get("/api/doctor/me").then().statusCode(200).extract().path("id");
        resident = resident("res-" + UUID.randomUUID(), "孙丽");
        residentId = as(resident).get("/api/me").then().statusCode(200).extract().path("id");
        as(resident).body(Map.of("practitionerId", practitionerId, "districtHospital", "杨浦区中心医院",
                "cityHospital", "复旦大学附属中山医院", "priorityGroups", List.of())).post("/api/me/family-doctor")
                .then().statusCode(201);
    }

    @Test
    void theSignedDoctorRecordsListsAndChangesConditionsEachInTheAccessLog() {
        String since = today().minusYears(3).toString();
        var created = as(doctor).body(Map.of("code", "hypertension", "status", "active", "since", since, "note", "服药控制"))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(201);
        String id = created.extract().path("id");
        created.header("Location", org.hamcrest.Matchers.endsWith("/api/doctor/residents/" + residentId + "/conditions/" + id))
                .body("code", equalTo("hypertension")).body("nameZh", equalTo("高血压")).body("icd10", equalTo("I10-I15"))
                .body("status", equalTo("active")).body("since", equalTo(since)).body("note", equalTo("服药控制"));

        as(doctor).body(Map.of("code", "stroke", "status", "recovering", "since", today().toString()))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(201)
                .body("icd10", equalTo("I60-I64"));
        as(doctor).get("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(200)
                .body("code", contains("hypertension", "stroke"));

        as(doctor).body(Map.of("status", "resolved")).patch("/api/doctor/residents/{id}/conditions/{c}", residentId, id)
                .then().statusCode(200).body("status", equalTo("resolved")).body("note", equalTo("服药控制"))
                .body("since", equalTo(since));
        // Resolved, it may be recorded again.
        as(doctor).body(Map.of("code", "hypertension", "status", "active", "since", today().toString()))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(201);

        as(resident).get("/api/me/access-log").then().statusCode(200)
                .body("items.what", hasItems("condition recorded", "conditions", "condition changed"))
                .body("items.findAll { it.what == 'condition recorded' }.size()", equalTo(3))
                .body("items[0].who", equalTo("周医生"));
    }

    @Test
    void aConditionNotResolvedIsRecordedOnceAndChangedInPlace() {
        Map<String, String> diabetes = Map.of("code", "diabetes", "status", "active", "since", "2020-05-01");
        as(doctor).body(diabetes).post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(201);
        as(doctor).body(Map.of("code", "diabetes", "status", "recovering", "since", "2021-05-01"))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(409)
                .contentType("application/problem+json");
        as(doctor).get("/api/doctor/residents/{id}/conditions", residentId).then().body("size()", equalTo(1));
    }

    @Test
    void badConditionsAre422sNamingEachFieldAndStoreNothing() {
        as(doctor).body(Map.of("code", "flu", "status", "sometimes", "since", today().plusDays(1).toString()))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://healthcloud.sh.cn/problems/rule-violated"))
                .body("errors.field", hasItems("code", "status", "since"));
        as(doctor).body(Map.of("code", "after-surgery", "status", "active", "since", "2026-01-01"))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(422)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("cannot be active for after-surgery"));
        as(doctor).body(Map.of("code", "copd", "status", "active", "since", "1899-12-31"))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(422)
                .body("errors[0].field", equalTo("since"));
        as(doctor).body(Map.of("code", "copd")).post("/api/doctor/residents/{id}/conditions", residentId)
                .then().statusCode(400).body("errors.field", hasItems("status", "since"));
        as(doctor).body(Map.of("code", "copd", "status", "active", "since", "yesterday"))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(400);

        String id = as(doctor).body(Map.of("code", "copd", "status", "active", "since", "2024-03-01"))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(201).extract().path("id");
        as(doctor).body(Map.of("status", "gone", "since", today().plusDays(2).toString()))
                .patch("/api/doctor/residents/{id}/conditions/{c}", residentId, id).then().statusCode(422)
                .body("errors.field", hasItems("status", "since"));
        as(doctor).body(Map.of("status", "resolved")).patch("/api/doctor/residents/{id}/conditions/{c}", residentId,
                UUID.randomUUID()).then().statusCode(404);

        as(doctor).get("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo("active")).body("[0].since", equalTo("2024-03-01"));
    }

    @Test
    void onlyTheSignedDoctorTouchesConditions() {
        String other = doctor("doc-" + UUID.randomUUID(), "吴医生");
        Map<String, String> copd = Map.of("code", "copd", "status", "active", "since", "2024-03-01");

        String refused = as(other).body(copd).post("/api/doctor/residents/{id}/conditions", residentId).then()
                .statusCode(403).contentType("application/problem+json").extract().asString();
        assertThat(refused).doesNotContain("孙丽");
        // Bad input from a doctor who may not write is still 403: nothing is learned about the resident.
        as(other).body(Map.of("code", "flu", "status", "x", "since", "2024-03-01"))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(403);
        as(other).get("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(403);
        as(other).get("/api/doctor/residents/{id}/conditions", UUID.randomUUID()).then().statusCode(403);
        as(resident).body(copd).post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(403);
        as(TestTokens.districtOfficer("310110")).get("/api/doctor/residents/{id}/conditions", residentId)
                .then().statusCode(403);
        given().get("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(401);

        String id = as(doctor).body(copd).post("/api/doctor/residents/{id}/conditions", residentId).then()
                .statusCode(201).extract().path("id");
        as(other).body(Map.of("status", "resolved")).patch("/api/doctor/residents/{id}/conditions/{c}", residentId, id)
                .then().statusCode(403);
        as(doctor).get("/api/doctor/residents/{id}/conditions", residentId).then().body("[0].status", equalTo("active"));
        as(resident).get("/api/me/access-log").then().body("items.who", org.hamcrest.Matchers.not(hasItems("吴医生")));
    }

    @Test
    void homeReadingsInTheHypertensiveRangeOnTwoDaysMakeTheResidentHigherRiskAndAConditionMakesThemIll() {
        awaitClass("healthy");

        homeBloodPressure(3, 146, 92);
        awaitClass("higher-risk");
        assertThat(storedReasons()).contains("bp-hypertensive-range").doesNotContain("bp-hypertensive-range-repeated");

        homeBloodPressure(1, 150, 88);
        awaitClass("higher-risk");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(storedReasons()).contains("bp-hypertensive-range-repeated"));

        as(doctor).body(Map.of("code", "hypertension", "status", "active", "since", today().toString()))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(201);
        awaitClass("ill");
        assertThat(storedReasons()).contains("condition-hypertension").doesNotContain("bp-hypertensive-range-repeated");
        assertThat(storedFollowUpDays()).isEqualTo(90);
    }

    @Test
    void aQuestionnaireAndTheContractChangeTheClassToo() {
        as(resident).body(Map.of("answers", Map.of("lifestyle-smoking", "daily", "lifestyle-alcohol", "none",
                "lifestyle-activity", "150-minutes-or-more"))).post("/api/me/questionnaires/lifestyle/responses")
                .then().statusCode(201);
        awaitClass("higher-risk");
        assertThat(storedReasons()).containsExactly("smoking");

        as(resident).body(Map.of("reason", "搬家")).post("/api/me/family-doctor/end").then().statusCode(200);
        String practitionerId = as(doctor).get("/api/doctor/me").then().extract().path("id");
        as(resident).body(Map.of("practitionerId", practitionerId, "districtHospital", "杨浦区中心医院",
                "cityHospital", "复旦大学附属中山医院", "priorityGroups", List.of("diabetes"))).post("/api/me/family-doctor")
                .then().statusCode(201);
        awaitClass("ill");
        assertThat(storedReasons()).containsExactly("priority-group-diabetes", "smoking");
    }

    @Test
    void linkingTheIdCardReclassifiesWithTheSexItGives() {
        as(resident).body(Map.of("takenAt", java.time.OffsetDateTime.now(SHANGHAI).minusHours(1)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                "measurement", Map.of("type", "waist-hip", "waistCm", 88, "hipCm", 100)))
                .post("/api/me/observations").then().statusCode(201);
        // 88 cm is central obesity for a woman (≥ 85) but not for a man (≥ 90); unknown sex is not judged.
        awaitClass("healthy");
        as(resident).get("/api/me/health-management").then().body("healthClass", equalTo("healthy"));

        as(resident).body(Map.of("number", validIdNumber(false))).put("/api/me/national-id").then().statusCode(200);
        awaitClass("higher-risk");
        assertThat(storedReasons()).containsExactly("central-obesity");
    }

    @Test
    void theSignedDoctorRecordsFollowUps() {
        as(doctor).body(Map.of("date", today().minusDays(2).toString(), "note", "血压控制良好"))
                .post("/api/doctor/residents/{id}/follow-ups", residentId).then().statusCode(201)
                .body("date", equalTo(today().minusDays(2).toString())).body("note", equalTo("血压控制良好"))
                .body("id", notNullValue());
        as(doctor).body(Map.of("date", today().plusDays(1).toString()))
                .post("/api/doctor/residents/{id}/follow-ups", residentId).then().statusCode(422)
                .body("errors[0].field", equalTo("date"));
        as(doctor).body(Map.of()).post("/api/doctor/residents/{id}/follow-ups", residentId).then().statusCode(400);
        as(doctor("doc-" + UUID.randomUUID(), "吴医生")).body(Map.of("date", today().toString()))
                .post("/api/doctor/residents/{id}/follow-ups", residentId).then().statusCode(403);

        assertThat(followUpsStored()).isEqualTo(1);
        as(resident).get("/api/me/access-log").then().body("items[0].what", equalTo("follow-up recorded"));
    }

    @Test
    void theManagementListShowsWhatToMeasureWhatIsOverdueTheFollowUpPrescriptionsAndProgress() {
        as(doctor).body(Map.of("code", "hypertension", "status", "active", "since", "2019-06-01"))
                .post("/api/doctor/residents/{id}/conditions", residentId).then().statusCode(201);
        homeBloodPressure(100, 150, 95);
        homeBloodPressure(10, 138, 86);
        as(resident).body(Map.of("answers", Map.of("lifestyle-smoking", "daily", "lifestyle-alcohol", "none",
                "lifestyle-activity", "150-minutes-or-more"))).post("/api/me/questionnaires/lifestyle/responses")
                .then().statusCode(201);
        awaitClass("ill");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(storedReasons()).containsExactly("condition-hypertension", "smoking"));

        as(resident).get("/api/me/health-management").then().statusCode(200)
                .body("healthClass", equalTo("ill"))
                .body("reasons.code", contains("condition-hypertension", "smoking"))
                .body("reasons[0].textEn", equalTo("Recorded by your family doctor: Hypertension (since 2019-06-01)"))
                .body("conditions.code", contains("hypertension"))
                .body("monitor.size()", equalTo(1))
                .body("monitor[0].measure", equalTo("blood-pressure"))
                .body("monitor[0].everyDays", equalTo(7))
                .body("monitor[0].textZh", equalTo("每周测量一次血压"))
                .body("monitor[0].dueBy", equalTo(today().minusDays(3).toString()))
                .body("monitor[0].overdue", equalTo(true))
                .body("checkUp.everyDays", equalTo(365)).body("checkUp.overdue", equalTo(true))
                // Signed today, no follow-up yet: due 90 days after the contract's start.
                .body("followUp.everyDays", equalTo(90)).body("followUp.from", equalTo("contract-start"))
                .body("followUp.dueOn", equalTo(today().plusDays(90).toString())).body("followUp.overdue", equalTo(false))
                .body("prescriptions.report", org.hamcrest.Matchers.nullValue())
                .body("prescriptions.questionnaires[0].questionnaireId", equalTo("lifestyle"))
                .body("prescriptions.questionnaires[0].items.code", hasItems("lifestyle-quit-smoking"))
                .body("prescriptions.exercise.start", equalTo("now"))
                .body("prescriptions.exercise.items.code", hasItems("exercise-aerobic-moderate"))
                .body("progress[0].measure", equalTo("blood-pressure"))
                .body("progress[0].latest.systolic", equalTo(138.0f))
                .body("progress[0].change.systolic", equalTo(-12.0f))
                .body("progress[0].change.diastolic", equalTo(-9.0f));

        homeBloodPressure(0, 128, 82);
        as(doctor).body(Map.of("date", today().minusDays(100).toString()))
                .post("/api/doctor/residents/{id}/follow-ups", residentId).then().statusCode(201);

        as(resident).get("/api/me/health-management").then().statusCode(200)
                .body("monitor[0].overdue", equalTo(false))
                .body("monitor[0].dueBy", equalTo(today().plusDays(7).toString()))
                .body("followUp.from", equalTo("last-follow-up"))
                .body("followUp.lastOn", equalTo(today().minusDays(100).toString()))
                .body("followUp.dueOn", equalTo(today().minusDays(10).toString()))
                .body("followUp.overdue", equalTo(true)).body("followUp.daysOverdue", equalTo(10))
                .body("progress[0].change.systolic", equalTo(-22.0f));
    }

    @Test
    void theSignedDoctorReadsTheListAndItIsInTheAccessLog() {
        as(resident).get("/api/me/health-management").then().statusCode(200).body("healthClass", equalTo("healthy"))
                .body("monitor.size()", equalTo(0)).body("followUp.everyDays", equalTo(365));

        as(doctor).get("/api/doctor/residents/{id}/health-management", residentId).then().statusCode(200)
                .body("healthClass", equalTo("healthy"));
        String other = doctor("doc-" + UUID.randomUUID(), "吴医生");
        as(other).get("/api/doctor/residents/{id}/health-management", residentId).then().statusCode(403);
        as(other).get("/api/doctor/residents/{id}/health-management", "not-an-id").then().statusCode(403);
        as(TestTokens.districtOfficer("310110")).get("/api/me/health-management").then().statusCode(403);
        given().get("/api/me/health-management").then().statusCode(401);

        as(resident).get("/api/me/access-log").then()
                .body("items.findAll { it.what == 'health management list' }.size()", equalTo(1))
                .body("items[0].who", equalTo("周医生"));
    }

    @Test
    void theDoctorsPanelGroupsByClassIllFirstAndMostOverdueFollowUpFirstWithMaskedIdentifiersOnly() {
        String practitionerId = as(doctor).get("/api/doctor/me").then().extract().path("id");
        String idNumber = validIdNumber();
        String a = signedResident("甲", practitionerId);
        as(a).body(Map.of("number", idNumber)).put("/api/me/national-id").then().statusCode(200);
        String b = signedResident("乙", practitionerId);
        String c = signedResident("丙", practitionerId);
        String d = signedResident("丁", practitionerId);
        String e = signedResident("戊", practitionerId);
        String aId = idOf(a);
        condition(aId, "hypertension", "active");
        condition(idOf(b), "diabetes", "active");
        condition(idOf(c), "copd", "active");
        condition(idOf(e), "stroke", "recovering");
        as(d).body(Map.of("answers", Map.of("lifestyle-smoking", "daily", "lifestyle-alcohol", "none",
                "lifestyle-activity", "150-minutes-or-more"))).post("/api/me/questionnaires/lifestyle/responses")
                .then().statusCode(201);
        followUp(aId, 100);
        followUp(idOf(b), 95);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                as(doctor).get("/api/doctor/panel").then().statusCode(200)
                        .body("counts.ill", equalTo(3)).body("counts.recovering", equalTo(1))
                        .body("counts.higher-risk", equalTo(1)).body("counts.healthy", equalTo(1))
                        .body("groups.healthClass", contains("ill", "recovering", "higher-risk", "healthy"))
                        .body("groups[0].residents.name", contains("甲", "乙", "丙"))
                        .body("groups[0].residents.daysOverdue", contains(10, 5, 0))
                        .body("groups[0].residents.followUpOverdue", contains(true, true, false))
                        .body("groups[1].residents.name", contains("戊"))
                        .body("groups[2].residents.name", contains("丁"))
                        .body("groups[3].residents.name", contains("孙丽")));

        String body = as(doctor).get("/api/doctor/panel").then().statusCode(200)
                .body("groups[0].residents[0].nationalIdMasked", equalTo(idNumber.substring(0, 4) + "**********"
                        + idNumber.substring(14)))
                .body("groups[0].residents[0].lastFollowUpOn", equalTo(today().minusDays(100).toString()))
                .body("groups[0].residents[0].followUpDueOn", equalTo(today().minusDays(10).toString()))
                .extract().asString();
        assertThat(body).doesNotContain(idNumber);

        as(doctor).queryParam("size", 2).get("/api/doctor/panel").then().statusCode(200)
                .body("groups[0].residents.name", contains("甲", "乙")).body("hasMore", equalTo(true));
        as(doctor).queryParam("size", 2).queryParam("page", 1).get("/api/doctor/panel").then().statusCode(200)
                .body("groups.healthClass", contains("ill", "recovering"))
                .body("groups[0].residents.name", contains("丙")).body("hasMore", equalTo(true));
        as(doctor).queryParam("size", 0).get("/api/doctor/panel").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));

        as(a).get("/api/me/access-log").then()
                .body("items.what", hasItems("health management panel"));
        as(doctor("doc-" + UUID.randomUUID(), "吴医生")).get("/api/doctor/panel").then().statusCode(200)
                .body("groups.size()", equalTo(0)).body("counts.ill", equalTo(0));
        as(a).get("/api/doctor/panel").then().statusCode(403);
    }

    private String signedResident(String name, String practitionerId) {
        String token = resident("res-" + UUID.randomUUID(), name);
        // The name comes with the first visit to the account, as from the app.
        as(token).get("/api/me").then().statusCode(200);
        as(token).body(Map.of("practitionerId", practitionerId, "districtHospital", "杨浦区中心医院",
                "cityHospital", "复旦大学附属中山医院", "priorityGroups", List.of())).post("/api/me/family-doctor")
                .then().statusCode(201);
        return token;
    }

    private static String idOf(String token) {
        return as(token).get("/api/me").then().statusCode(200).extract().path("id");
    }

    private void condition(String id, String code, String status) {
        as(doctor).body(Map.of("code", code, "status", status, "since", "2020-01-01"))
                .post("/api/doctor/residents/{id}/conditions", id).then().statusCode(201);
    }

    private void followUp(String id, int daysAgo) {
        as(doctor).body(Map.of("date", today().minusDays(daysAgo).toString()))
                .post("/api/doctor/residents/{id}/follow-ups", id).then().statusCode(201);
    }

    private static String validIdNumber() {
        return validIdNumber(new java.util.Random().nextBoolean());
    }

    /** A random valid resident ID number (GB 11643 check character), born 1950–1989 in Yangpu; odd 17th digit: a man. */
    private static String validIdNumber(boolean man) {
        java.util.Random random = new java.util.Random();
        int sequence = random.nextInt(500) * 2 + (man ? 1 : 0);
        String body = "310110" + (1950 + random.nextInt(40)) + String.format("%02d%02d", 1 + random.nextInt(12),
                1 + random.nextInt(28)) + String.format("%03d", sequence);
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private void homeBloodPressure(int daysAgo, int systolic, int diastolic) {
        as(resident).body(Map.of("takenAt", java.time.OffsetDateTime.now(SHANGHAI).minusDays(daysAgo)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                "measurement", Map.of("type", "blood-pressure", "systolic", systolic, "diastolic", diastolic)))
                .post("/api/me/observations").then().statusCode(201);
    }

    private void awaitClass(String expected) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(storedClass()).isEqualTo(expected));
    }

    /** The stored class; "healthy" is what a resident with nothing known is computed as when first asked. */
    private String storedClass() {
        var rows = pool.preparedQuery("select health_class from resident_stratification where resident_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(residentId))).await().indefinitely();
        return rows.iterator().hasNext() ? rows.iterator().next().getString("health_class") : "healthy";
    }

    private List<String> storedReasons() {
        var rows = pool.preparedQuery("select reasons from resident_stratification where resident_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(residentId))).await().indefinitely();
        return rows.iterator().next().getJsonObject("reasons").getJsonArray("items").stream()
                .map(r -> ((io.vertx.core.json.JsonObject) r).getString("code")).toList();
    }

    private int storedFollowUpDays() {
        return pool.preparedQuery("select follow_up_days from resident_stratification where resident_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(residentId))).await().indefinitely()
                .iterator().next().getInteger("follow_up_days");
    }

    private long followUpsStored() {
        return pool.preparedQuery("select count(*) as n from follow_up where resident_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(residentId))).await().indefinitely()
                .iterator().next().getLong("n");
    }

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    static String doctor(String subject, String name) {
        return Jwt.claims().subject(subject).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).claim("name", name)
                .claim("realm_access", Map.of("roles", List.of(Roles.DOCTOR)))
                .claim("station", centre).claim("district", "310110").sign();
    }

    static String resident(String subject, String name) {
        return Jwt.claims().subject(subject).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).claim("name", name)
                .claim("realm_access", Map.of("roles", List.of(Roles.RESIDENT))).sign();
    }

    private static String createCentre() {
        return as(TestTokens.cityAdmin()).body(Map.of("type", "community-health-center", "name", "健康管理测试社区卫生服务中心",
                "district", "310110", "address", "上海市杨浦区测试路9号", "position", Map.of("lat", 31.27, "lon", 121.52),
                "services", List.of("general-practice", "family-doctor"),
                "openingHours", Map.of("monday", List.of(Map.of("opens", "08:00", "closes", "16:30")))))
                .post("/api/stations").then().statusCode(201).extract().path("id");
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
