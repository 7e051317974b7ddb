package cn.sh.healthcloud.directory;

import static cn.sh.healthcloud.directory.StationWritePermissionsTest.as;
import static cn.sh.healthcloud.directory.StationWritePermissionsTest.createAsCityAdmin;
import static cn.sh.healthcloud.directory.StationWritePermissionsTest.yangpuStation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import cn.sh.healthcloud.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a precise problem detail and changes nothing. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class StationValidationTest {

    private static final String VALIDATION = "https://healthcloud.sh.cn/problems/validation-failed";
    private static final String RULE = "https://healthcloud.sh.cn/problems/rule-violated";

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void missingAndMalformedFieldsAre400WithEveryField() {
        reject(yangpuStation("坏站一").without("name").with("position", Map.of("lat", 91, "lon", 121.5))
                .with("services", List.of()).with("district", "31011"), 400, VALIDATION)
                .body("errors.field", hasItems("name", "position.lat", "services", "district"));
    }

    @Test
    void unknownEnumValuesNameTheField() {
        reject(yangpuStation("坏站二").with("type", "hospital"), 400, VALIDATION)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("unknown facility type"));
        reject(yangpuStation("坏站三").with("services", List.of("general-practice", "massage")), 400, VALIDATION)
                .body("errors[0].field", equalTo("services[1]"));
    }

    @Test
    void malformedJsonIs400WithoutEchoingTheBody() {
        as(TestTokens.cityAdmin()).body("{\"name\": \"坏站四\", ").post("/api/stations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(containsString("坏站四")));
    }

    @Test
    void unknownDistrictAndPositionOutsideShanghaiAre422() {
        reject(yangpuStation("坏站五").with("district", "110101"), 422, RULE)
                .body("errors.field", hasItem("district"));
        reject(yangpuStation("坏站六").with("position", Map.of("lat", 0, "lon", 0)), 422, RULE)
                .body("errors.field", hasItem("position"));
        reject(yangpuStation("坏站七").with("position", Map.of("lat", 121.53, "lon", 31.29)), 400, VALIDATION);
    }

    @Test
    void invertedOrOverlappingHoursAndClosuresAre422() {
        reject(yangpuStation("坏站八").with("openingHours",
                StationJson.onDays(List.of(StationJson.session("16:30", "08:00")), "monday")), 422, RULE)
                .body("errors[0].field", equalTo("openingHours"))
                .body("errors[0].message", equalTo("monday: 16:30–08:00 closes before it opens"));
        reject(yangpuStation("坏站九").with("openingHours", StationJson.onDays(
                List.of(StationJson.session("08:00", "12:00"), StationJson.session("11:30", "16:00")), "friday")), 422, RULE)
                .body("errors[0].message", equalTo("friday: 08:00–12:00 overlaps 11:30–16:00"));
        reject(yangpuStation("坏站十").with("openingHours",
                StationJson.onDays(List.of(StationJson.session("8 am", "12:00")), "friday")), 400, VALIDATION);
        reject(yangpuStation("坏站十一").with("closures",
                List.of(Map.of("from", "2027-02-08", "to", "2027-02-06", "reason", "春节"))), 422, RULE)
                .body("errors[0].field", equalTo("closures[0]"));
    }

    @Test
    void theParentMustBeACentreInTheSameDistrict() {
        reject(yangpuStation("坏站十二").with("parentId", "310110-9990"), 422, RULE)
                .body("errors[0].field", equalTo("parentId")).body("errors[0].message", equalTo("no such station"));
        String station = createAsCityAdmin(yangpuStation("不是中心的站"));
        reject(yangpuStation("坏站十三").with("parentId", station), 422, RULE)
                .body("errors[0].message", equalTo("must be a community health centre or sub-centre"));
    }

    @Test
    void aRejectedUpdateChangesNothing() {
        String id = createAsCityAdmin(yangpuStation("保持原样的站"));

        as(TestTokens.cityAdmin()).body(yangpuStation("改坏的站").with("district", "110101").json())
                .put("/api/stations/{id}", id).then().statusCode(422);
        as(TestTokens.cityAdmin()).body(yangpuStation("改坏的站").without("address").json())
                .put("/api/stations/{id}", id).then().statusCode(400);

        given().get("/api/stations/{id}", id).then().statusCode(200)
                .body("name", equalTo("保持原样的站")).body("version", equalTo(0));
        given().queryParam("q", "改坏的站").get("/api/stations").then().body("total", equalTo(0));
    }

    @Test
    void badSearchParametersAre400AndListEveryOne() {
        given().queryParam("near", "north").queryParam("type", "hospital").queryParam("service", "massage")
                .queryParam("district", "999999").queryParam("openAt", "noon").queryParam("size", "1000")
                .queryParam("page", "-1").queryParam("crs", "bd09")
                .get("/api/stations").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItems("near", "type", "service", "district", "openAt", "size", "page", "crs"));
        given().queryParam("radius", "500").get("/api/stations").then().statusCode(400)
                .body("errors[0].field", equalTo("radius")).body("errors[0].message", equalTo("needs near"));
        given().queryParam("near", "31.25,121.52").queryParam("radius", "-5").get("/api/stations").then().statusCode(400);
        given().queryParam("openAt", "2026-11-23T10:00:00+08:00").queryParam("openNow", "true")
                .get("/api/stations").then().statusCode(400).body("errors[0].field", equalTo("openAt"));
    }

    private static ValidatableResponse reject(StationJson station, int status, String type) {
        String name = (String) station.json().get("name");
        ValidatableResponse response = as(TestTokens.cityAdmin()).body(station.json()).post("/api/stations").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(type))
                .body("status", equalTo(status))
                .body("instance", equalTo("/api/stations"));
        if (name != null) {
            given().queryParam("q", name).get("/api/stations").then().body("total", equalTo(0));
        }
        return response;
    }
}
