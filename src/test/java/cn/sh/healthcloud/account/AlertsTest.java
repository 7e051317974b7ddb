package cn.sh.healthcloud.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An urgent home reading reaches the family doctor's work list at once; they acknowledge it with a note. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AlertsTest {

    private static String centre;

    @BeforeEach
    void createCentreOnce() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (centre == null) {
            centre = as(TestTokens.cityAdmin()).body(Map.of("type", "community-health-center", "name", "告警测试中心",
                    "district", "310110", "address", "上海市杨浦区测试路3号", "position", Map.of("lat", 31.27, "lon", 121.52),
                    "services", List.of("family-doctor"),
                    "openingHours", Map.of("monday", List.of(Map.of("opens", "08:00", "closes", "16:30")))))
                    .post("/api/stations").then().statusCode(201).extract().path("id");
        }
    }

    @Test
    void anUrgentReadingOfASignedResidentIsAcknowledgedWithANote() {
        String doctor = doctor("吴医生");
        String resident = signedResident(doctor, "孙强");

        reading(resident, Map.of("type", "blood-pressure", "systolic", 186, "diastolic", 112)).then().statusCode(201);
        reading(resident, Map.of("type", "blood-pressure", "systolic", 138, "diastolic", 86)).then().statusCode(201);

        String alertId = as(doctor).get("/api/doctor/alerts").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].residentName", equalTo("孙强"))
                .body("[0].code", equalTo("bp-urgent"))
                .body("[0].textZh", equalTo("血压危急值 186/112 mmHg，请立即就医"))
                .body("[0].observation.values.find { it.name == 'systolic' }.value", equalTo(186.0f))
                .extract().path("[0].id");
        as(resident).get("/api/me/access-log").then().body("items[0].what", equalTo("alert"));

        as(doctor).body(Map.of("note", "已电话联系，建议今日到社区中心复测")).post("/api/doctor/alerts/{id}/acknowledge", alertId)
                .then().statusCode(200).body("acknowledgedAt", notNullValue())
                .body("acknowledgementNote", equalTo("已电话联系，建议今日到社区中心复测"));
        as(doctor).get("/api/doctor/alerts").then().body("size()", equalTo(0));
        as(doctor).queryParam("status", "all").get("/api/doctor/alerts").then().body("size()", equalTo(1));
        as(doctor).body(Map.of("note", "again")).post("/api/doctor/alerts/{id}/acknowledge", alertId).then().statusCode(409);
        as(doctor("郑医生")).body(Map.of("note", "not mine")).post("/api/doctor/alerts/{id}/acknowledge", alertId)
                .then().statusCode(404);
    }

    @Test
    void dangerousGlucoseAlertsToo() {
        String doctor = doctor("冯医生");
        String resident = signedResident(doctor, "陈静");

        reading(resident, Map.of("type", "glucose", "value", 2.6, "context", "random")).then().statusCode(201);

        as(doctor).get("/api/doctor/alerts").then().body("[0].code", equalTo("glucose-urgent-low"));
    }

    @Test
    void withoutAFamilyDoctorThereIsNobodyToAlert() {
        String resident = TestTokens.resident("alert-" + UUID.randomUUID());

        reading(resident, Map.of("type", "blood-pressure", "systolic", 200, "diastolic", 120)).then().statusCode(201);

        as(doctor("何医生")).get("/api/doctor/alerts").then().body("size()", equalTo(0));
    }

    @Test
    void badRequestsAreRejected() {
        String doctor = doctor("许医生");
        as(doctor).queryParam("status", "closed").get("/api/doctor/alerts").then().statusCode(400);
        as(doctor).body(Map.of("note", " ")).post("/api/doctor/alerts/{id}/acknowledge", UUID.randomUUID()).then().statusCode(400);
        as(doctor).body(Map.of("note", "x")).post("/api/doctor/alerts/{id}/acknowledge", "nope").then().statusCode(404);
        as(TestTokens.resident("r")).get("/api/doctor/alerts").then().statusCode(403);
    }

    private String doctor(String name) {
        String token = Jwt.claims().subject("doc-" + UUID.randomUUID()).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("name", name).claim("station", centre)
                .claim("realm_access", Map.of("roles", List.of(Roles.DOCTOR))).sign();
        as(token).get("/api/doctor/me").then().statusCode(200);
        return token;
    }

    private static String signedResident(String doctor, String name) {
        String practitioner = as(doctor).get("/api/doctor/me").then().extract().path("id");
        String token = Jwt.claims().subject("alert-" + UUID.randomUUID()).issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).claim("name", name)
                .claim("realm_access", Map.of("roles", List.of(Roles.RESIDENT))).sign();
        as(token).get("/api/me").then().statusCode(200);
        as(token).body(Map.of("practitionerId", practitioner, "districtHospital", "杨浦区中心医院",
                "cityHospital", "复旦大学附属中山医院")).post("/api/me/family-doctor").then().statusCode(201);
        return token;
    }

    private static io.restassured.response.Response reading(String token, Map<String, Object> measurement) {
        return as(token).body(Map.of("takenAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5)
                .truncatedTo(ChronoUnit.SECONDS).toString(), "measurement", measurement)).post("/api/me/observations");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
