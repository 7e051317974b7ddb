package cn.sh.healthcloud.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.sh.healthcloud.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health points for self-monitoring: a point a day, a bonus for a full week of home blood pressure, each once. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HealthPointsTest {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    /** Monday of the week before last: a whole week, all in the past. */
    private static final LocalDate MONDAY = LocalDate.now(SHANGHAI).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .minusWeeks(2);

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aFullWeekOfHomeBloodPressureEarnsTheBonusOnce() {
        String token = TestTokens.resident("pts-" + UUID.randomUUID());
        for (int day = 0; day < 7; day++) {
            bloodPressure(token, MONDAY.plusDays(day), 7);
        }
        bloodPressure(token, MONDAY.plusDays(6), 20);

        as(token).get("/api/me/health-points").then().statusCode(200)
                .body("balance", equalTo(7 + 10))
                .body("items.findAll { it.reason == 'home-blood-pressure-week' }.size()", equalTo(1))
                .body("items.find { it.reason == 'home-blood-pressure-week' }.reference", equalTo(MONDAY.toString()))
                .body("items.findAll { it.reason == 'home-measurement-day' }.size()", equalTo(7));
        as(token).get("/api/me").then().body("healthPoints", equalTo(17));
    }

    @Test
    void sixDaysEarnNoBonusAndOtherMeasurementsEarnTheirDay() {
        String token = TestTokens.resident("pts-" + UUID.randomUUID());
        for (int day = 0; day < 6; day++) {
            bloodPressure(token, MONDAY.plusDays(day), 7);
        }
        as(token).body(Map.of("takenAt", at(MONDAY.plusDays(7), 7).toString(),
                "measurement", Map.of("type", "glucose", "value", 5.4, "context", "fasting")))
                .post("/api/me/observations").then().statusCode(201);

        as(token).get("/api/me/health-points").then().body("balance", equalTo(7))
                .body("items.findAll { it.reason == 'home-blood-pressure-week' }.size()", equalTo(0));
    }

    @Test
    void aRejectedMeasurementEarnsNothingAndOthersSeeOnlyTheirOwn() {
        String token = TestTokens.resident("pts-" + UUID.randomUUID());
        as(token).body(Map.of("takenAt", at(MONDAY, 7).toString(),
                "measurement", Map.of("type", "blood-pressure", "systolic", 400, "diastolic", 80)))
                .post("/api/me/observations").then().statusCode(422);
        bloodPressure(TestTokens.resident("pts-" + UUID.randomUUID()), MONDAY, 7);

        as(token).get("/api/me/health-points").then().body("balance", equalTo(0)).body("items.size()", equalTo(0));
        as(TestTokens.cityAdmin()).get("/api/me/health-points").then().statusCode(403);
    }

    private static void bloodPressure(String token, LocalDate day, int hour) {
        as(token).body(Map.of("takenAt", at(day, hour).toString(),
                "measurement", Map.of("type", "blood-pressure", "systolic", 128, "diastolic", 82)))
                .post("/api/me/observations").then().statusCode(201);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atOffset(SHANGHAI);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
