package cn.sh.healthcloud.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import cn.sh.healthcloud.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A resident's own measurements: home readings in, newest-first pages and daily trends out. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MyObservationsResourceTest {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aHomeBloodPressureIsStoredWithUnitsAndCodes() {
        String token = TestTokens.resident("obs-" + UUID.randomUUID());

        String location = add(token, hoursAgo(2), Map.of("type", "blood-pressure", "systolic", 132, "diastolic", 84, "pulse", 71))
                .then().statusCode(201)
                .body("type", equalTo("blood-pressure"))
                .body("loinc", equalTo("85354-9"))
                .body("source", equalTo("home"))
                .body("sourceRef", equalTo("欧姆龙 HEM-7136"))
                .body("values.find { it.name == 'systolic' }.value", equalTo(132.0f))
                .body("values.find { it.name == 'systolic' }.unit", equalTo("mmHg"))
                .body("values.find { it.name == 'systolic' }.loinc", equalTo("8480-6"))
                .extract().header("Location");

        as(token).get(location).then().statusCode(200).body("values.size()", equalTo(3));
    }

    @Test
    void derivedValuesComeBackWithTheMeasurement() {
        String token = TestTokens.resident("obs-" + UUID.randomUUID());

        add(token, hoursAgo(1), Map.of("type", "height-weight", "heightCm", 168.0, "weightKg", 71.4))
                .then().statusCode(201).body("derived.bmi", equalTo(25.3f));
    }

    @Test
    void listsAreNewestFirstFilteredAndPaged() {
        String token = TestTokens.resident("obs-" + UUID.randomUUID());
        OffsetDateTime base = hoursAgo(0);
        for (int hours = 1; hours <= 5; hours++) {
            add(token, base.minusHours(hours), Map.of("type", "blood-pressure", "systolic", 120 + hours, "diastolic", 80))
                    .then().statusCode(201);
        }
        add(token, base.minusHours(3).plusMinutes(30), Map.of("type", "glucose", "value", 5.6, "context", "fasting"))
                .then().statusCode(201);

        List<String> types = as(token).get("/api/me/observations").then().statusCode(200)
                .body("hasMore", equalTo(false)).extract().path("items.type");
        assertThat(types).hasSize(6);
        List<Float> systolic = as(token).queryParam("type", "blood-pressure").get("/api/me/observations")
                .then().extract().path("items.collect { it.values.find { v -> v.name == 'systolic' }.value }");
        assertThat(systolic).containsExactly(121f, 122f, 123f, 124f, 125f);
        as(token).queryParam("size", 2).queryParam("page", 1).get("/api/me/observations").then()
                .body("items.size()", equalTo(2)).body("hasMore", equalTo(true));
        as(token).queryParam("size", 2).queryParam("page", 2).get("/api/me/observations").then()
                .body("items.size()", equalTo(2)).body("hasMore", equalTo(false));
        // [from, to): the reading exactly at "to" is out, the three between are in.
        as(token).queryParam("from", base.minusHours(3).minusMinutes(1).toString())
                .queryParam("to", base.minusHours(1).toString())
                .get("/api/me/observations").then().body("items.size()", equalTo(3));
    }

    @Test
    void theTrendHasOnePointPerShanghaiDayWithMeanMinMax() {
        String token = TestTokens.resident("obs-" + UUID.randomUUID());
        OffsetDateTime yesterdayMorning = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.DAYS).minusDays(1).plusHours(8);
        add(token, yesterdayMorning, Map.of("type", "blood-pressure", "systolic", 130, "diastolic", 80)).then().statusCode(201);
        add(token, yesterdayMorning.plusHours(10), Map.of("type", "blood-pressure", "systolic", 150, "diastolic", 90))
                .then().statusCode(201);
        add(token, yesterdayMorning.minusDays(3), Map.of("type", "blood-pressure", "systolic", 140, "diastolic", 85))
                .then().statusCode(201);
        add(token, yesterdayMorning.minusDays(30), Map.of("type", "blood-pressure", "systolic", 160, "diastolic", 95))
                .then().statusCode(201);

        as(token).queryParam("type", "blood-pressure").queryParam("days", 7).get("/api/me/observations/trend")
                .then().statusCode(200)
                .body("units.systolic", equalTo("mmHg"))
                .body("days.size()", equalTo(2))
                .body("days[1].date", equalTo(yesterdayMorning.toLocalDate().toString()))
                .body("days[1].count", equalTo(2))
                .body("days[1].values.systolic.mean", equalTo(140.0f))
                .body("days[1].values.systolic.min", equalTo(130.0f))
                .body("days[1].values.systolic.max", equalTo(150.0f))
                .body("days[0].values.diastolic.mean", equalTo(85.0f));
        as(token).queryParam("type", "blood-pressure").get("/api/me/observations/trend").then().body("days.size()", equalTo(3));
    }

    @Test
    void implausibleMeasurementsAre422AndStoreNothing() {
        String token = TestTokens.resident("obs-" + UUID.randomUUID());

        add(token, hoursAgo(1), Map.of("type", "blood-pressure", "systolic", 400, "diastolic", 80, "mood", "fine"))
                .then().statusCode(422)
                .body("errors.field", hasItems("measurement.systolic", "measurement.mood"));
        add(token, OffsetDateTime.now(SHANGHAI).plusHours(1), Map.of("type", "spo2", "percent", 97))
                .then().statusCode(422).body("errors[0].field", equalTo("takenAt"));
        add(token, hoursAgo(1), Map.of("type", "x-ray")).then().statusCode(422);
        as(token).body(Map.of("measurement", Map.of("type", "spo2", "percent", 97))).post("/api/me/observations")
                .then().statusCode(400).body("errors[0].field", equalTo("takenAt"));

        as(token).get("/api/me/observations").then().body("items.size()", equalTo(0));
    }

    @Test
    void badParametersAre400() {
        String token = TestTokens.resident("obs-" + UUID.randomUUID());

        as(token).queryParam("type", "x-ray").queryParam("from", "yesterday").queryParam("size", 500)
                .get("/api/me/observations").then().statusCode(400)
                .body("errors.field", hasItems("type", "from", "size"));
        as(token).get("/api/me/observations/trend").then().statusCode(400).body("errors[0].field", equalTo("type"));
        as(token).queryParam("type", "spo2").queryParam("days", 1000).get("/api/me/observations/trend").then().statusCode(400);
    }

    @Test
    void nobodyElseSeesMyObservations() {
        String mine = TestTokens.resident("obs-" + UUID.randomUUID());
        String theirs = TestTokens.resident("obs-" + UUID.randomUUID());
        String location = add(mine, hoursAgo(1), Map.of("type", "temperature", "celsius", 36.6)).then().statusCode(201)
                .extract().header("Location");

        as(theirs).get("/api/me/observations").then().statusCode(200).body("items.size()", equalTo(0));
        String body = as(theirs).get(location).then().statusCode(404).extract().asString();
        assertThat(body).doesNotContain("36.6");
        as(theirs).get("/api/me/observations/not-a-uuid").then().statusCode(404);
        for (String token : List.of(TestTokens.doctor("d", "310110-0001", "310110"), TestTokens.districtOfficer("310110"),
                TestTokens.stationAdmin("310110-0002", "310110"), TestTokens.cityAdmin())) {
            as(token).get(location).then().statusCode(403);
            as(token).get("/api/me/observations").then().statusCode(403);
        }
        given().get(location).then().statusCode(401);
    }

    private static OffsetDateTime hoursAgo(int hours) {
        return OffsetDateTime.now(SHANGHAI).minusHours(hours).truncatedTo(ChronoUnit.SECONDS);
    }

    private static io.restassured.response.Response add(String token, OffsetDateTime takenAt, Map<String, Object> measurement) {
        return as(token).body(Map.of("takenAt", takenAt.toString(), "device", "欧姆龙 HEM-7136", "measurement", measurement))
                .post("/api/me/observations");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
