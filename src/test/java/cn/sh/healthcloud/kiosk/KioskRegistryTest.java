package cn.sh.healthcloud.kiosk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import cn.sh.healthcloud.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who registers and retires kiosks, where, and what the register answers. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class KioskRegistryTest {

    private static String hut;
    private static String clinic;

    @BeforeEach
    void stations() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (hut == null) {
            hut = station("smart-health-station", "登记测试健康小屋", "310115");
            clinic = station("community-health-center", "登记测试社区中心", "310115");
        }
    }

    @Test
    void theStationsAdminRegistersAKioskWithAGeneratedIdAndRetiresIt() {
        String admin = TestTokens.stationAdmin(hut, "310115");

        String id = as(admin).body(Map.of("label", "一号机")).post("/api/stations/{id}/kiosks", hut).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/kiosks/" + "K-" + hut))
                .body("id", equalTo("K-" + hut)).body("state", equalTo("unknown")).extract().path("id");
        as(admin).body(Map.of("label", "二号机")).post("/api/stations/{id}/kiosks", hut).then().statusCode(201)
                .body("id", equalTo("K-" + hut + "-2"));
        as(TestTokens.resident("anyone")).get("/api/stations/{id}/kiosks", hut).then().statusCode(200)
                .body("id", hasItem(id)).body("label", hasItem("一号机"));

        as(admin).delete("/api/kiosks/{id}", id).then().statusCode(200).body("retiredAt", notNullValue());
        as(admin).delete("/api/kiosks/{id}", id).then().statusCode(409);
    }

    @Test
    void aKioskIdGivenTwiceConflicts() {
        String admin = TestTokens.cityAdmin();
        as(admin).body(Map.of("id", "K-REG-TWICE")).post("/api/stations/{id}/kiosks", hut).then().statusCode(201);
        as(admin).body(Map.of("id", "K-REG-TWICE")).post("/api/stations/{id}/kiosks", hut).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void kiosksBelongOnlyToSmartHealthStations() {
        as(TestTokens.cityAdmin()).body(Map.of()).post("/api/stations/{id}/kiosks", clinic).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("stationId"));
    }

    @Test
    void onlyThatStationsStaffMayRegister() {
        as(TestTokens.stationAdmin("310115-9999", "310115")).body(Map.of()).post("/api/stations/{id}/kiosks", hut)
                .then().statusCode(403);
        as(TestTokens.districtOfficer("310110")).body(Map.of()).post("/api/stations/{id}/kiosks", hut).then().statusCode(403);
        as(TestTokens.resident("r")).body(Map.of()).post("/api/stations/{id}/kiosks", hut).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/stations/{id}/kiosks", hut).then().statusCode(401);
        as(TestTokens.districtOfficer("310115")).body(Map.of()).post("/api/stations/{id}/kiosks", hut).then().statusCode(201);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        as(TestTokens.cityAdmin()).body(Map.of("id", "no spaces allowed")).post("/api/stations/{id}/kiosks", hut)
                .then().statusCode(400).contentType("application/problem+json");
        as(TestTokens.cityAdmin()).body(Map.of()).post("/api/stations/{id}/kiosks", "310115-0000").then().statusCode(404);
        as(TestTokens.cityAdmin()).get("/api/kiosks/{id}", "K-NOPE").then().statusCode(404);
        as(TestTokens.cityAdmin()).get("/api/kiosks/{id}", "no spaces allowed").then().statusCode(404);
    }

    private static String station(String type, String name, String district) {
        return as(TestTokens.cityAdmin()).body(Map.of("type", type, "name", name, "district", district,
                "address", "上海市浦东新区登记路1号", "position", Map.of("lat", 31.22, "lon", 121.54),
                "services", List.of("health-self-check"),
                "openingHours", Map.of("monday", List.of(Map.of("opens", "08:00", "closes", "16:30")))))
                .post("/api/stations").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
