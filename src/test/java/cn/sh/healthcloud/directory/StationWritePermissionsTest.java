package cn.sh.healthcloud.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

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

/** Who may create, change, close and reopen stations: every role of design §3.1. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class StationWritePermissionsTest {

    static final String YANGPU = "310110";
    static final String PUDONG = "310115";

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void cityAdminCreatesAnywhereAndGetsALocation() {
        String id = as(TestTokens.cityAdmin()).body(yangpuStation("市管新建站").json()).post("/api/stations")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/stations/310110-\\d{4}$"))
                .body("id", matchesPattern("310110-\\d{4}"))
                .body("status", equalTo("active"))
                .extract().path("id");

        given().get("/api/stations/{id}", id).then().statusCode(200).body("name", equalTo("市管新建站"));
        given().queryParam("q", "市管新建站").get("/api/stations").then().body("items[0].id", equalTo(id));
    }

    @Test
    void districtOfficerCreatesOnlyInTheirDistrict() {
        as(TestTokens.districtOfficer(YANGPU)).body(yangpuStation("杨浦官员新建站").json()).post("/api/stations")
                .then().statusCode(201);
        as(TestTokens.districtOfficer(PUDONG)).body(yangpuStation("浦东官员越权站").json()).post("/api/stations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://healthcloud.sh.cn/problems/forbidden"));
        given().queryParam("q", "浦东官员越权站").get("/api/stations").then().body("total", equalTo(0));
    }

    @Test
    void residentsDoctorsAndStationAdminsCannotCreate() {
        for (String token : List.of(TestTokens.resident("r-1"), TestTokens.doctor("d-1", "310110-0001", YANGPU),
                TestTokens.stationAdmin("310110-0002", YANGPU))) {
            as(token).body(yangpuStation("无权新建站").json()).post("/api/stations").then().statusCode(403);
        }
        given().queryParam("q", "无权新建站").get("/api/stations").then().body("total", equalTo(0));
    }

    @Test
    void anonymousAndForgedTokensAreUnauthenticated() {
        given().contentType(ContentType.JSON).body(yangpuStation("匿名站").json()).post("/api/stations")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json").body("status", equalTo(401));
        as(TestTokens.forged("city-admin")).body(yangpuStation("伪造站").json()).post("/api/stations")
                .then().statusCode(401);
    }

    @Test
    void stationAdminEditsOnlyTheirOwnStationAndCannotMoveIt() {
        String own = createAsCityAdmin(yangpuStation("站长自己的站"));
        String other = createAsCityAdmin(yangpuStation("别人的站"));
        String admin = TestTokens.stationAdmin(own, YANGPU);

        as(admin).body(yangpuStation("站长改名的站").json()).put("/api/stations/{id}", own)
                .then().statusCode(200).body("name", equalTo("站长改名的站")).body("version", equalTo(1));
        as(admin).body(yangpuStation("改别人的站").json()).put("/api/stations/{id}", other).then().statusCode(403);
        as(admin).body(pudongStation("搬到浦东的站").json()).put("/api/stations/{id}", own).then().statusCode(403);
        given().get("/api/stations/{id}", own).then().body("name", equalTo("站长改名的站")).body("district", equalTo(YANGPU));
        given().get("/api/stations/{id}", other).then().body("name", equalTo("别人的站"));
    }

    @Test
    void districtOfficerEditsTheirDistrictOnlyAndCannotMoveStationsOut() {
        String yangpu = createAsCityAdmin(yangpuStation("杨浦待改站"));
        String pudong = createAsCityAdmin(pudongStation("浦东待改站"));
        String officer = TestTokens.districtOfficer(YANGPU);

        as(officer).body(yangpuStation("杨浦已改站").json()).put("/api/stations/{id}", yangpu).then().statusCode(200);
        as(officer).body(pudongStation("浦东被改站").json()).put("/api/stations/{id}", pudong).then().statusCode(403);
        as(officer).body(pudongStation("杨浦迁走站").json()).put("/api/stations/{id}", yangpu).then().statusCode(403);
        as(TestTokens.districtOfficer(PUDONG)).body(yangpuStation("浦东官员改杨浦").json()).put("/api/stations/{id}", yangpu)
                .then().statusCode(403);
        as(TestTokens.cityAdmin()).body(pudongStation("市管迁到浦东").json()).put("/api/stations/{id}", yangpu)
                .then().statusCode(200).body("district", equalTo(PUDONG));
    }

    @Test
    void ifMatchPreventsLostUpdates() {
        String id = createAsCityAdmin(yangpuStation("并发编辑站"));
        String etag = given().get("/api/stations/{id}", id).then().statusCode(200).extract().header("ETag");

        as(TestTokens.cityAdmin()).header("If-Match", etag).body(yangpuStation("第一次编辑").json())
                .put("/api/stations/{id}", id).then().statusCode(200).header("ETag", "\"1\"");
        as(TestTokens.cityAdmin()).header("If-Match", etag).body(yangpuStation("过期的编辑").json())
                .put("/api/stations/{id}", id).then().statusCode(412)
                .body("type", equalTo("https://healthcloud.sh.cn/problems/precondition-failed"));
        given().get("/api/stations/{id}", id).then().body("name", equalTo("第一次编辑")).body("version", equalTo(1));
    }

    @Test
    void closeAndReopenByTheStationsAdmin() {
        String id = createAsCityAdmin(yangpuStation("要关闭的站"));
        String admin = TestTokens.stationAdmin(id, YANGPU);

        as(admin).body(Map.of("reason", "装修")).post("/api/stations/{id}/close", id)
                .then().statusCode(200).body("status", equalTo("closed")).body("closedReason", equalTo("装修"));
        given().queryParam("q", "要关闭的站").get("/api/stations").then().body("total", equalTo(0));
        as(admin).body(Map.of("reason", "再关一次")).post("/api/stations/{id}/close", id).then().statusCode(409);
        as(TestTokens.stationAdmin("310110-9999", YANGPU)).post("/api/stations/{id}/reopen", id).then().statusCode(403);

        as(admin).post("/api/stations/{id}/reopen", id).then().statusCode(200).body("status", equalTo("active"));
        given().queryParam("q", "要关闭的站").get("/api/stations").then().body("total", equalTo(1));
        as(admin).post("/api/stations/{id}/reopen", id).then().statusCode(409);
    }

    @Test
    void unknownStationsAreNotFound() {
        given().get("/api/stations/{id}", "310110-9998").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Not found"));
        as(TestTokens.cityAdmin()).body(yangpuStation("不存在").json()).put("/api/stations/{id}", "310110-9998")
                .then().statusCode(404);
        as(TestTokens.cityAdmin()).body(Map.of("reason", "x")).post("/api/stations/{id}/close", "310110-9998")
                .then().statusCode(404);
    }

    static StationJson yangpuStation(String name) {
        return StationJson.of("service-station", name, YANGPU, 31.2890, 121.5300);
    }

    static StationJson pudongStation(String name) {
        return StationJson.of("service-station", name, PUDONG, 31.2213, 121.5447);
    }

    static String createAsCityAdmin(StationJson station) {
        return as(TestTokens.cityAdmin()).body(station.json()).post("/api/stations")
                .then().statusCode(201).extract().path("id");
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
