package cn.sh.healthcloud.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "1+1+1" signing and the access rules around a resident's record: who may read it, and the log of who did. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FamilyDoctorAccessTest {

    private static String centre;
    private static String serviceStation;

    @BeforeEach
    void createCentreOnce() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (centre != null) {
            return;
        }
        centre = createStation("community-health-center", "家医测试社区卫生服务中心");
        serviceStation = createStation("service-station", "家医测试服务站");
    }

    @Test
    void doctorsRegisterFromTheirTokenAtACentreOnly() {
        as(doctor("doc-" + UUID.randomUUID(), "王医生", centre)).get("/api/doctor/me").then().statusCode(200)
                .body("name", equalTo("王医生")).body("stationId", equalTo(centre)).body("id", notNullValue());
        as(doctor("doc-" + UUID.randomUUID(), "李医生", serviceStation)).get("/api/doctor/me").then().statusCode(403);
        as(doctor("doc-" + UUID.randomUUID(), "赵医生", null)).get("/api/doctor/me").then().statusCode(403);
    }

    @Test
    void aSignedDoctorReadsTheRecordAndTheResidentSeesItInTheLog() {
        String doctorA = doctor("doc-a-" + UUID.randomUUID(), "王医生", centre);
        String doctorB = doctor("doc-b-" + UUID.randomUUID(), "陈医生", centre);
        String practitionerA = as(doctorA).get("/api/doctor/me").then().extract().path("id");
        as(doctorB).get("/api/doctor/me").then().statusCode(200);
        String resident = residentNamed("res-" + UUID.randomUUID(), "张伟");
        String residentId = as(resident).get("/api/me").then().extract().path("id");
        as(resident).body(Map.of("takenAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .truncatedTo(ChronoUnit.SECONDS).toString(), "measurement",
                Map.of("type", "blood-pressure", "systolic", 162, "diastolic", 98))).post("/api/me/observations")
                .then().statusCode(201);

        given().queryParam("station", centre).get("/api/family-doctors").then().statusCode(200)
                .body("name", hasItems("王医生", "陈医生"));
        sign(resident, practitionerA).then().statusCode(201)
                .body("familyDoctor.name", equalTo("王医生")).body("communityCentreId", equalTo(centre))
                .body("priorityGroups", hasItems("hypertension"));
        sign(resident, practitionerA).then().statusCode(409);
        as(resident).get("/api/me/family-doctor").then().statusCode(200).body("cityHospital", equalTo("复旦大学附属中山医院"));
        as(resident).get("/api/me").then().statusCode(200)
                .body("name", equalTo("张伟"))
                .body("familyDoctor.familyDoctor.name", equalTo("王医生"))
                .body("latestObservations[0].type", equalTo("blood-pressure"));

        as(doctorA).get("/api/doctor/residents").then().statusCode(200)
                .body("residentId", hasItems(residentId)).body("name", hasItems("张伟"));
        as(doctorA).get("/api/doctor/residents/{id}", residentId).then().statusCode(200)
                .body("resident.name", equalTo("张伟"))
                .body("latestObservations[0].values.find { it.name == 'systolic' }.value", equalTo(162.0f));

        String refused = as(doctorB).get("/api/doctor/residents/{id}", residentId).then().statusCode(403)
                .contentType("application/problem+json").extract().asString();
        assertThat(refused).doesNotContain("张伟").doesNotContain("162");
        as(doctorB).get("/api/doctor/residents").then().body("residentId", org.hamcrest.Matchers.not(hasItems(residentId)));

        as(resident).get("/api/me/access-log").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].who", equalTo("王医生"))
                .body("items[0].role", equalTo("doctor"))
                .body("items[0].what", equalTo("health record"))
                .body("items[0].why", equalTo("family doctor"))
                .body("items[1].what", equalTo("signed-residents list"));
        as(residentNamed("res-" + UUID.randomUUID(), "李娜")).get("/api/me/access-log").then().body("items.size()", equalTo(0));
    }

    @Test
    void unknownOrMalformedIdsAreAlso403SoNothingIsLearned() {
        String doctorA = doctor("doc-" + UUID.randomUUID(), "王医生", centre);

        as(doctorA).get("/api/doctor/residents/{id}", UUID.randomUUID()).then().statusCode(403);
        as(doctorA).get("/api/doctor/residents/{id}", "1 or 1=1").then().statusCode(403);
    }

    @Test
    void otherRolesReadNoPersonsData() {
        String resident = TestTokens.resident("res-" + UUID.randomUUID());
        String residentId = as(resident).get("/api/me").then().extract().path("id");

        for (String token : List.of(resident, TestTokens.districtOfficer("310110"), TestTokens.stationAdmin(centre, "310110"),
                TestTokens.cityAdmin())) {
            as(token).get("/api/doctor/residents/{id}", residentId).then().statusCode(403);
            as(token).get("/api/doctor/residents").then().statusCode(403);
        }
        given().get("/api/doctor/residents/{id}", residentId).then().statusCode(401);
        given().get("/api/me/access-log").then().statusCode(401);
        as(TestTokens.cityAdmin()).get("/api/me/access-log").then().statusCode(403);
    }

    @Test
    void endingTheContractEndsTheDoctorsAccessAndAllowsANewOne() {
        String doctorA = doctor("doc-" + UUID.randomUUID(), "王医生", centre);
        String doctorB = doctor("doc-" + UUID.randomUUID(), "陈医生", centre);
        String practitionerA = as(doctorA).get("/api/doctor/me").then().extract().path("id");
        String practitionerB = as(doctorB).get("/api/doctor/me").then().extract().path("id");
        String resident = TestTokens.resident("res-" + UUID.randomUUID());
        String residentId = as(resident).get("/api/me").then().extract().path("id");
        sign(resident, practitionerA).then().statusCode(201);

        as(resident).body(Map.of("reason", "搬家")).post("/api/me/family-doctor/end").then().statusCode(200)
                .body("endedAt", notNullValue()).body("endReason", equalTo("搬家"));

        as(doctorA).get("/api/doctor/residents/{id}", residentId).then().statusCode(403);
        as(resident).get("/api/me/family-doctor").then().statusCode(404);
        as(resident).body(Map.of()).post("/api/me/family-doctor/end").then().statusCode(404);
        sign(resident, practitionerB).then().statusCode(201);
        as(doctorB).get("/api/doctor/residents/{id}", residentId).then().statusCode(200);
    }

    @Test
    void badSigningsChangeNothing() {
        String resident = TestTokens.resident("res-" + UUID.randomUUID());

        as(resident).body(Map.of("practitionerId", UUID.randomUUID().toString(), "districtHospital", "杨浦区中心医院",
                "cityHospital", "复旦大学附属中山医院")).post("/api/me/family-doctor").then().statusCode(422);
        as(resident).body(Map.of("districtHospital", "杨浦区中心医院")).post("/api/me/family-doctor").then().statusCode(400)
                .body("errors.field", hasItems("practitionerId", "cityHospital"));
        as(resident).body(Map.of("practitionerId", UUID.randomUUID().toString(), "districtHospital", "a",
                "cityHospital", "b", "priorityGroups", List.of("vip"))).post("/api/me/family-doctor").then().statusCode(400);
        as(resident).get("/api/me/family-doctor").then().statusCode(404);
    }

    private static io.restassured.response.Response sign(String resident, String practitionerId) {
        return as(resident).body(Map.of("practitionerId", practitionerId, "districtHospital", "杨浦区中心医院",
                "cityHospital", "复旦大学附属中山医院", "priorityGroups", List.of("hypertension", "aged-65-plus")))
                .post("/api/me/family-doctor");
    }

    private static String doctor(String subject, String name, String station) {
        var claims = Jwt.claims().subject(subject).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("name", name).claim("realm_access", Map.of("roles", List.of(Roles.DOCTOR)));
        if (station != null) {
            claims.claim("station", station).claim("district", "310110");
        }
        return claims.sign();
    }

    private static String residentNamed(String subject, String name) {
        return Jwt.claims().subject(subject).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("name", name).claim("realm_access", Map.of("roles", List.of(Roles.RESIDENT))).sign();
    }

    private static String createStation(String type, String name) {
        return as(TestTokens.cityAdmin()).body(Map.of("type", type, "name", name, "district", "310110",
                "address", "上海市杨浦区测试路1号", "position", Map.of("lat", 31.27, "lon", 121.52),
                "services", List.of("general-practice", "family-doctor"),
                "openingHours", Map.of("monday", List.of(Map.of("opens", "08:00", "closes", "16:30")))))
                .post("/api/stations").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
