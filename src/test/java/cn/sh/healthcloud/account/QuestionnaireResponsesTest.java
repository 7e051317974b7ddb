package cn.sh.healthcloud.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.sh.healthcloud.TestTokens;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Questionnaires in the app (issue 9): definitions to render, answers scored and stored in the
 * account, read by the resident and their signed family doctor only (access-logged), and PHQ-9
 * item 9 on the family doctor's alert work list at once.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class QuestionnaireResponsesTest {

    private static final List<String> FREQUENCY = List.of("not-at-all", "several-days", "more-than-half-the-days",
            "nearly-every-day");

    private static String centre;

    @BeforeEach
    void createCentreOnce() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (centre == null) {
            centre = as(TestTokens.cityAdmin()).body(Map.of("type", "community-health-center", "name", "问卷测试中心",
                    "district", "310110", "address", "上海市杨浦区测试路9号", "position", Map.of("lat", 31.27, "lon", 121.52),
                    "services", List.of("family-doctor"),
                    "openingHours", Map.of("monday", List.of(Map.of("opens", "08:00", "closes", "16:30")))))
                    .post("/api/stations").then().statusCode(201).extract().path("id");
        }
    }

    @Test
    void signedInUsersListTheQuestionnairesAndReadOneToRender() {
        String resident = resident("李明");

        as(resident).get("/api/questionnaires").then().statusCode(200)
                .body("id", equalTo(List.of("phq-9", "gad-7", "cn-diabetes-risk", "stroke-risk", "frail", "lifestyle")))
                .body("find { it.id == 'phq-9' }.version", equalTo(1))
                .body("find { it.id == 'phq-9' }.kind", equalTo("validated-scale"))
                .body("find { it.id == 'phq-9' }.items", equalTo(9))
                .body("find { it.id == 'phq-9' }.title.zh", equalTo("患者健康问卷抑郁量表（PHQ-9）"))
                .body("find { it.id == 'phq-9' }.source.reference", containsString("Kroenke"))
                .body("find { it.id == 'cn-diabetes-risk' }.kind", equalTo("risk-score"));

        as(resident).get("/api/questionnaires/phq-9").then().statusCode(200)
                .body("version", equalTo(1))
                .body("instructions.en", containsString("Over the last 2 weeks"))
                .body("items.size()", equalTo(9))
                .body("items[8].id", equalTo("phq9-9"))
                .body("items[8].type", equalTo("choice"))
                .body("items[8].options.value", equalTo(FREQUENCY))
                .body("items[8].options[0].text.zh", equalTo("完全不会"))
                .body("items[8].filledFrom", nullValue())
                .body("bands.code", equalTo(List.of("minimal", "mild", "moderate", "moderately-severe", "severe")))
                .body("bands[4].level", equalTo("see-doctor"));
        as(resident).queryParam("version", 1).get("/api/questionnaires/cn-diabetes-risk").then().statusCode(200)
                .body("items.find { it.id == 'cdrs-waist' }.type", equalTo("number"))
                .body("items.find { it.id == 'cdrs-waist' }.filledFrom", equalTo("measurement.waist-hip.waistCm"))
                .body("items.find { it.id == 'cdrs-waist' }.unit.en", equalTo("cm"))
                .body("items.find { it.id == 'cdrs-age' }.filledFrom", equalTo("person.age"))
                .body("items.find { it.id == 'cdrs-family-history' }.filledFrom", nullValue());
        // Any signed-in role may read definitions: they hold no personal data.
        as(doctor("钱医生")).get("/api/questionnaires/gad-7").then().statusCode(200).body("items.size()", equalTo(7));

        as(resident).get("/api/questionnaires/no-such-scale").then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/not-found"));
        as(resident).queryParam("version", 2).get("/api/questionnaires/phq-9").then().statusCode(404);
        as(resident).queryParam("version", "one").get("/api/questionnaires/phq-9").then().statusCode(400)
                .body("errors.field", hasItems("version"));
        given().get("/api/questionnaires").then().statusCode(401);
    }

    @Test
    void aPhq9AnswerIsScoredStoredAndListed() {
        String resident = resident("王芳");

        ExtractableResponse<?> created = answer(resident, "phq-9", phq9(1, 1, 1, 1, 1, 0, 0, 0, 0)).then().statusCode(201)
                .body("questionnaire.id", equalTo("phq-9"))
                .body("questionnaire.version", equalTo(1))
                .body("questionnaire.title.en", equalTo("Patient Health Questionnaire depression scale (PHQ-9)"))
                .body("score", equalTo(5))
                .body("band.code", equalTo("mild"))
                .body("band.label.zh", equalTo("轻度抑郁症状"))
                .body("level", equalTo("attention"))
                .body("prescriptions.code", equalTo(List.of("lifestyle-mental-wellbeing", "follow-up-repeat-in-two-weeks")))
                .body("prescriptions[1].kind", equalTo("follow-up"))
                .body("urgent", equalTo(false))
                .body("familyDoctorAlerted", nullValue())
                .body("answers.phq9-1", equalTo("several-days"))
                .body("source", equalTo("app"))
                .body("answeredAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/me/questionnaires/responses/" + id);

        as(resident).get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(id)).body("score", equalTo(5)).body("answers.phq9-9", equalTo("not-at-all"));
        answer(resident, "gad-7", gad7(0, 0, 0, 0, 0, 0, 1)).then().statusCode(201)
                .body("score", equalTo(1)).body("band.code", equalTo("minimal")).body("level", equalTo("normal"));

        as(resident).get("/api/me/questionnaires/responses").then().statusCode(200)
                .body("items.questionnaire.id", equalTo(List.of("gad-7", "phq-9")))
                .body("hasMore", equalTo(false));
        as(resident).queryParam("questionnaire", "phq-9").get("/api/me/questionnaires/responses").then()
                .body("items.id", equalTo(List.of(id)));
        as(resident).queryParam("size", 1).get("/api/me/questionnaires/responses").then()
                .body("items.size()", equalTo(1)).body("hasMore", equalTo(true));
        as(resident).queryParam("questionnaire", "no-such-scale").queryParam("size", 0)
                .get("/api/me/questionnaires/responses").then().statusCode(400)
                .body("errors.field", hasItems("questionnaire", "size"));
        as(resident).get("/api/me").then().statusCode(200)
                .body("latestQuestionnaireResults.questionnaire.id", equalTo(List.of("gad-7", "phq-9")))
                .body("latestQuestionnaireResults[1].id", equalTo(id))
                .body("latestQuestionnaireResults[1].band.code", equalTo("mild"))
                .body("latestQuestionnaireResults[1].level", equalTo("attention"));
    }

    @Test
    void theDiabetesRiskScoreTakesAgeAndSexFromTheIdCardAndTheRestFromTheLatestMeasurements() {
        String resident = residentWithIdCard("赵刚", 50);
        measure(resident, 90, Map.of("type", "waist-hip", "waistCm", 92, "hipCm", 100));
        measure(resident, 60, Map.of("type", "blood-pressure", "systolic", 150, "diastolic", 90));
        measure(resident, 30, Map.of("type", "blood-pressure", "systolic", 135, "diastolic", 85));
        measure(resident, 10, Map.of("type", "height-weight", "heightCm", 170, "weightKg", 75));

        // Published points: age 50–54 13, BMI 24–29.9 3, men's waist 90–94.9 8, systolic 130–139 6,
        // family history 6, male 2: 38, at or above the cut-off of 25.
        answer(resident, "cn-diabetes-risk", Map.of("cdrs-family-history", "yes")).then().statusCode(201)
                .body("score", equalTo(38))
                .body("band.code", equalTo("high-risk"))
                .body("level", equalTo("see-doctor"))
                .body("prescriptions.code", hasItems("follow-up-ogtt"))
                .body("answers", equalTo(Map.of("cdrs-family-history", "yes")))
                .body("measured.cdrs-age", equalTo(50))
                .body("measured.cdrs-sex", equalTo("male"))
                .body("measured.cdrs-waist", equalTo(92.0f))
                .body("measured.cdrs-sbp", equalTo(135.0f))
                .body("measured.cdrs-bmi", equalTo(26.0f));

        // What the resident answers wins over what was measured: waist 80–84.9 is 5 points, not 8.
        answer(resident, "cn-diabetes-risk", Map.of("cdrs-family-history", "yes", "cdrs-waist", 82)).then().statusCode(201)
                .body("score", equalTo(35))
                .body("answers.cdrs-waist", equalTo(82))
                .body("measured.cdrs-waist", nullValue())
                .body("measured.cdrs-sbp", equalTo(135.0f));
    }

    @Test
    void invalidAnswersAre422NamingEachItemAndStoreNothing() {
        String resident = resident("孙丽");
        Map<String, Object> answers = new LinkedHashMap<>(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0));
        answers.put("phq9-1", "sometimes");
        answers.remove("phq9-9");
        answers.put("phq9-10", "not-at-all");

        String problem = answer(resident, "phq-9", answers).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/rule-violated"))
                .body("errors.field", equalTo(List.of("answers.phq9-1", "answers.phq9-9", "answers.phq9-10")))
                .body("errors[0].message", containsString("must be one of: not-at-all, several-days"))
                .body("errors[1].message", equalTo("is required"))
                .extract().asString();
        assertThat(problem).doesNotContain("sometimes");
        // Nothing measured and no ID card: every item the account could have filled is asked for.
        answer(resident, "cn-diabetes-risk", Map.of("cdrs-family-history", "maybe", "cdrs-bmi", 5)).then().statusCode(422)
                .body("errors.field", equalTo(List.of("answers.cdrs-age", "answers.cdrs-bmi", "answers.cdrs-waist",
                        "answers.cdrs-sbp", "answers.cdrs-family-history", "answers.cdrs-sex")));
        as(resident).body(Map.of("version", 7, "answers", phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .post("/api/me/questionnaires/phq-9/responses").then().statusCode(422)
                .body("errors.field", equalTo(List.of("version")));
        as(resident).body(Map.of("version", 1)).post("/api/me/questionnaires/phq-9/responses").then().statusCode(400)
                .body("errors.field", hasItems("answers"));
        as(resident).body("{\"answers\": ").post("/api/me/questionnaires/phq-9/responses").then().statusCode(400);
        answer(resident, "no-such-scale", Map.of()).then().statusCode(404).body("type", endsWith("/not-found"));

        as(resident).get("/api/me/questionnaires/responses").then().statusCode(200).body("items.size()", equalTo(0));
        as(resident).get("/api/me").then().body("latestQuestionnaireResults.size()", equalTo(0));
        // The version, when given, is the one answered.
        as(resident).body(Map.of("version", 1, "answers", phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .post("/api/me/questionnaires/phq-9/responses").then().statusCode(201)
                .body("questionnaire.version", equalTo(1)).body("band.code", equalTo("minimal"));
    }

    @Test
    void nobodyButTheResidentAndTheirSignedDoctorReadsAResponse() {
        String signedDoctor = doctor("周医生");
        String otherDoctor = doctor("吴医生");
        String resident = signedResident(signedDoctor, "陈静");
        String residentId = as(resident).get("/api/me").then().extract().path("id");
        String id = answer(resident, "gad-7", gad7(2, 2, 1, 1, 0, 0, 0)).then().statusCode(201).extract().path("id");

        String other = resident("刘洋");
        as(other).get("/api/me/questionnaires/responses/{id}", id).then().statusCode(404)
                .body("detail", equalTo("No such questionnaire response"));
        as(other).get("/api/me/questionnaires/responses/{id}", "not-a-uuid").then().statusCode(404);
        as(other).get("/api/me/questionnaires/responses").then().body("items.size()", equalTo(0));

        String refused = as(otherDoctor).get("/api/doctor/residents/{rid}/questionnaire-responses", residentId).then()
                .statusCode(403).contentType("application/problem+json").extract().asString();
        assertThat(refused).doesNotContain("gad7").doesNotContain("陈静").doesNotContain("more-than-half");
        as(otherDoctor).get("/api/doctor/residents/{rid}/questionnaire-responses/{id}", residentId, id).then()
                .statusCode(403);
        as(otherDoctor).get("/api/doctor/residents/{rid}/questionnaire-responses", UUID.randomUUID()).then()
                .statusCode(403);
        for (String token : List.of(other, TestTokens.districtOfficer("310110"), TestTokens.stationAdmin(centre, "310110"),
                TestTokens.cityAdmin())) {
            as(token).get("/api/doctor/residents/{rid}/questionnaire-responses", residentId).then().statusCode(403);
        }
        as(TestTokens.districtOfficer("310110")).get("/api/me/questionnaires/responses").then().statusCode(403);
        given().get("/api/me/questionnaires/responses/{id}", id).then().statusCode(401);
        as(resident).get("/api/me/access-log").then().body("items.size()", equalTo(0));

        as(signedDoctor).get("/api/doctor/residents/{rid}/questionnaire-responses", residentId).then().statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0].questionnaire.id", equalTo("gad-7"))
                .body("items[0].score", equalTo(6))
                .body("items[0].band.code", equalTo("mild"))
                .body("items[0].answers.gad7-1", equalTo("more-than-half-the-days"));
        as(signedDoctor).queryParam("questionnaire", "phq-9")
                .get("/api/doctor/residents/{rid}/questionnaire-responses", residentId).then().statusCode(200)
                .body("items.size()", equalTo(0));
        as(signedDoctor).get("/api/doctor/residents/{rid}/questionnaire-responses/{id}", residentId, id).then()
                .statusCode(200).body("score", equalTo(6));
        as(signedDoctor).get("/api/doctor/residents/{rid}/questionnaire-responses/{id}", residentId, UUID.randomUUID())
                .then().statusCode(404);

        as(resident).get("/api/me/access-log").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items.who", equalTo(List.of("周医生", "周医生", "周医生")))
                .body("items.role", equalTo(List.of("doctor", "doctor", "doctor")))
                .body("items.what", equalTo(List.of("questionnaire response", "questionnaire responses",
                        "questionnaire responses")))
                .body("items.why", equalTo(List.of("family doctor", "family doctor", "family doctor")));
    }

    @Test
    void phq9Item9AlertsTheSignedDoctorAtOnceWhateverTheTotal() {
        String doctor = doctor("郑医生");
        String resident = signedResident(doctor, "黄磊");
        String residentId = as(resident).get("/api/me").then().extract().path("id");

        String id = answer(resident, "phq-9", phq9(0, 0, 0, 0, 0, 0, 0, 0, 1)).then().statusCode(201)
                .body("score", equalTo(1))
                .body("band.code", equalTo("minimal"))
                .body("level", equalTo("urgent"))
                .body("urgent", equalTo(true))
                .body("familyDoctorAlerted", equalTo(true))
                .body("prescriptions[0].code", equalTo("follow-up-self-harm-crisis"))
                .body("prescriptions[0].textZh", containsString("120"))
                .extract().path("id");

        String alertId = as(doctor).get("/api/doctor/alerts").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].code", equalTo("phq9-item9-self-harm"))
                .body("[0].residentId", equalTo(residentId))
                .body("[0].residentName", equalTo("黄磊"))
                .body("[0].questionnaireResponseId", equalTo(id))
                .body("[0].observation", nullValue())
                .body("[0].textEn", containsString("PHQ-9 item 9"))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("answers")))
                .extract().path("[0].id");
        as(doctor).get("/api/doctor/residents/{rid}/questionnaire-responses/{id}", residentId, id).then()
                .statusCode(200).body("answers.phq9-9", equalTo("several-days"));
        as(doctor).body(Map.of("note", "已电话联系居民，今日面诊")).post("/api/doctor/alerts/{id}/acknowledge", alertId)
                .then().statusCode(200).body("questionnaireResponseId", equalTo(id));

        // A severe total without thoughts of self-harm is for the doctor to see, not an alert.
        String otherDoctor = doctor("冯医生");
        String another = signedResident(otherDoctor, "林涛");
        answer(another, "phq-9", phq9(3, 3, 3, 3, 3, 3, 3, 3, 0)).then().statusCode(201)
                .body("score", equalTo(24))
                .body("band.code", equalTo("severe"))
                .body("level", equalTo("see-doctor"))
                .body("urgent", equalTo(false))
                .body("prescriptions.code", not(hasItems("follow-up-self-harm-crisis")));
        as(otherDoctor).get("/api/doctor/alerts").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void withoutAFamilyDoctorTheResponseStillSaysUrgentAndGivesTheCrisisPrescription() {
        String resident = resident("何静");

        answer(resident, "phq-9", phq9(0, 0, 0, 0, 0, 0, 0, 0, 3)).then().statusCode(201)
                .body("urgent", equalTo(true))
                .body("level", equalTo("urgent"))
                .body("familyDoctorAlerted", equalTo(false))
                .body("prescriptions[0].code", equalTo("follow-up-self-harm-crisis"));

        // Signing afterwards does not put an old answer on the new doctor's list.
        String doctor = doctor("许医生");
        String practitioner = as(doctor).get("/api/doctor/me").then().extract().path("id");
        sign(resident, practitioner);
        as(doctor).get("/api/doctor/alerts").then().statusCode(200).body("size()", equalTo(0));
    }

    private static Map<String, Object> phq9(int... scores) {
        return answers("phq9-", scores);
    }

    private static Map<String, Object> gad7(int... scores) {
        return answers("gad7-", scores);
    }

    private static Map<String, Object> answers(String prefix, int... scores) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            answers.put(prefix + (i + 1), FREQUENCY.get(scores[i]));
        }
        return answers;
    }

    private static io.restassured.response.Response answer(String token, String questionnaire, Map<String, ?> answers) {
        return as(token).body(Map.of("answers", answers)).post("/api/me/questionnaires/{id}/responses", questionnaire);
    }

    private static void measure(String token, int minutesAgo, Map<String, Object> measurement) {
        as(token).body(Map.of("takenAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(minutesAgo)
                .truncatedTo(ChronoUnit.SECONDS).toString(), "measurement", measurement)).post("/api/me/observations")
                .then().statusCode(201);
    }

    private String doctor(String name) {
        String token = Jwt.claims().subject("doc-" + UUID.randomUUID()).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("name", name).claim("station", centre)
                .claim("realm_access", Map.of("roles", List.of(Roles.DOCTOR))).sign();
        as(token).get("/api/doctor/me").then().statusCode(200);
        return token;
    }

    private static String resident(String name) {
        String token = Jwt.claims().subject("q-" + UUID.randomUUID()).issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).claim("name", name)
                .claim("realm_access", Map.of("roles", List.of(Roles.RESIDENT))).sign();
        as(token).get("/api/me").then().statusCode(200);
        return token;
    }

    /** A man of {@code age} today (Asia/Shanghai) with his ID card linked, so age and sex are known. */
    private static String residentWithIdCard(String name, int age) {
        String token = resident(name);
        LocalDate born = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(age)
                .minusDays(ThreadLocalRandom.current().nextInt(1, 300));
        // The 17th digit is odd for men.
        String first17 = "310110" + born.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", ThreadLocalRandom.current().nextInt(500) * 2 + 1);
        as(token).body(Map.of("number", first17 + NationalIdNumber.checkCharacter(first17))).put("/api/me/national-id")
                .then().statusCode(200).body("nationalId.sex", equalTo("male"));
        return token;
    }

    private String signedResident(String doctor, String name) {
        String practitioner = as(doctor).get("/api/doctor/me").then().extract().path("id");
        String token = resident(name);
        sign(token, practitioner);
        return token;
    }

    private static void sign(String resident, String practitioner) {
        as(resident).body(Map.of("practitionerId", practitioner, "districtHospital", "杨浦区中心医院",
                "cityHospital", "复旦大学附属中山医院")).post("/api/me/family-doctor").then().statusCode(201);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
