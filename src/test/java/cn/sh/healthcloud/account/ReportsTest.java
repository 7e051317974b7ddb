package cn.sh.healthcloud.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.sh.healthcloud.TestTokens;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reports in the account: filed by the assessment, read by the resident and triaged by the doctor. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ReportsTest {

    @Inject
    ReportService reports;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void residentsReadTheirReportsNewestFirstWithPrescriptions() throws Throwable {
        String token = TestTokens.resident("rep-" + UUID.randomUUID());
        UUID resident = UUID.fromString(as(token).get("/api/me").then().extract().path("id"));
        file(resident, 3, ReportLevel.NORMAL);
        UUID latest = file(resident, 1, ReportLevel.SEE_DOCTOR);
        file(resident, 2, ReportLevel.ATTENTION);

        as(token).get("/api/me/reports").then().statusCode(200)
                .body("items.level", equalTo(List.of("see-doctor", "attention", "normal")))
                .body("items[0].findings[0].code", equalTo("bp-hypertensive-grade-1"))
                .body("items[0].prescriptions[0].kind", equalTo("diet"))
                .body("items[0].prescriptions[0].textZh", equalTo("清淡饮食，每日食盐不超过5克"))
                .body("hasMore", equalTo(false));
        as(token).queryParam("size", 1).queryParam("page", 1).get("/api/me/reports").then()
                .body("items[0].level", equalTo("attention")).body("hasMore", equalTo(true));
        as(token).get("/api/me/reports/{id}", latest).then().statusCode(200).body("source", equalTo("K-310110-0001"));
        as(token).get("/api/me").then().body("latestReport.id", equalTo(latest.toString()));
        as(token).queryParam("size", 0).get("/api/me/reports").then().statusCode(400);
    }

    @Test
    void nobodyElseReadsMyReports() throws Throwable {
        String mine = TestTokens.resident("rep-" + UUID.randomUUID());
        UUID resident = UUID.fromString(as(mine).get("/api/me").then().extract().path("id"));
        UUID report = file(resident, 1, ReportLevel.URGENT);

        as(TestTokens.resident("rep-" + UUID.randomUUID())).get("/api/me/reports/{id}", report).then().statusCode(404);
        as(TestTokens.resident("rep-" + UUID.randomUUID())).get("/api/me/reports").then().body("items.size()", equalTo(0));
        as(TestTokens.districtOfficer("310110")).get("/api/me/reports").then().statusCode(403);
        given().get("/api/me/reports").then().statusCode(401);
    }

    @Test
    void theDoctorsListPutsTheWorstLatestReportFirst() throws Throwable {
        String centre = as(TestTokens.cityAdmin()).body(Map.of("type", "community-health-center", "name", "报告测试中心",
                "district", "310110", "address", "上海市杨浦区测试路2号", "position", Map.of("lat", 31.27, "lon", 121.52),
                "services", List.of("family-doctor"),
                "openingHours", Map.of("monday", List.of(Map.of("opens", "08:00", "closes", "16:30")))))
                .post("/api/stations").then().statusCode(201).extract().path("id");
        String doctor = Jwt.claims().subject("doc-" + UUID.randomUUID()).issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).claim("name", "周医生").claim("station", centre)
                .claim("realm_access", Map.of("roles", List.of(Roles.DOCTOR))).sign();
        String practitioner = as(doctor).get("/api/doctor/me").then().extract().path("id");
        UUID calm = signedResident(practitioner, ReportLevel.NORMAL);
        UUID urgent = signedResident(practitioner, ReportLevel.URGENT);
        UUID none = signedResident(practitioner, null);

        as(doctor).get("/api/doctor/residents").then().statusCode(200)
                .body("residentId", equalTo(List.of(urgent.toString(), calm.toString(), none.toString())))
                .body("latestLevel", equalTo(java.util.Arrays.asList("urgent", "normal", null)));
        as(doctor).get("/api/doctor/residents/{id}", urgent).then().statusCode(200)
                .body("latestReport.level", equalTo("urgent"));
    }

    private UUID signedResident(String practitioner, ReportLevel level) throws Throwable {
        String token = TestTokens.resident("rep-" + UUID.randomUUID());
        UUID resident = UUID.fromString(as(token).get("/api/me").then().extract().path("id"));
        as(token).body(Map.of("practitionerId", practitioner, "districtHospital", "杨浦区中心医院",
                "cityHospital", "复旦大学附属中山医院")).post("/api/me/family-doctor").then().statusCode(201);
        if (level != null) {
            file(resident, 1, level);
        }
        return resident;
    }

    private UUID file(UUID resident, int hoursAgo, ReportLevel level) throws Throwable {
        Report report = new Report();
        report.residentId = resident;
        report.sessionId = UUID.randomUUID();
        report.sourceRef = "K-310110-0001";
        report.createdAt = OffsetDateTime.now().minusHours(hoursAgo);
        report.level = level;
        report.content = new ReportContent(
                List.of(new ReportContent.Finding("bp-hypertensive-grade-1", "blood-pressure", level,
                        "血压偏高（1级高血压范围）", "Blood pressure in the grade 1 hypertensive range")),
                List.of(new ReportContent.Prescription("diet", "清淡饮食，每日食盐不超过5克",
                        "Eat lighter: no more than 5 g of salt a day")),
                List.of());
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> reports.store(report)))
                .id;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
