package cn.sh.healthcloud.directory;

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
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search correctness on a small neighbourhood in Chongming that no other test writes to: stations
 * at known distances from a point P, with hours that differ at midday, on weekends and on holidays.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class StationSearchTest {

    static final double P_LAT = 31.6000;
    static final double P_LON = 121.4000;
    static final String P = P_LAT + "," + P_LON;
    static final String CHONGMING = "310151";
    /** Degrees per metre northwards, and eastwards at this latitude. */
    static final double NORTH = 1 / 111_195.0;
    static final double EAST = 1 / (111_195.0 * Math.cos(Math.toRadians(P_LAT)));

    // 2026-11-23 is a Monday.
    static final String MONDAY_MIDDAY = "2026-11-23T12:30:00+08:00";
    static final String MONDAY_MORNING = "2026-11-23T10:00:00+08:00";
    static final String TUESDAY_MORNING = "2026-11-24T09:00:00+08:00";
    static final String SATURDAY_MORNING = "2026-11-28T10:00:00+08:00";
    static final String SUNDAY_AFTERNOON = "2026-11-29T15:00:00+08:00";

    private static Map<String, String> ids;

    @BeforeEach
    void createNeighbourhoodOnce() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (ids != null) {
            return;
        }
        String a = create(StationJson.of("community-health-center", "测A岛社区卫生服务中心", CHONGMING, P_LAT, P_LON)
                .with("services", List.of("general-practice", "family-doctor", "vaccination"))
                .with("openingHours", StationJson.weekdaysAndWeekend(StationJson.WEEKDAY_DAY, StationJson.MORNING)));
        String b = create(StationJson.of("service-station", "测A岛北服务站", CHONGMING, P_LAT + 500 * NORTH, P_LON)
                .with("parentId", a)
                .with("openingHours", StationJson.weekdaysAndWeekend(StationJson.MORNING_AND_AFTERNOON, List.of())));
        String h = create(StationJson.of("service-station", "测A岛东南服务站", CHONGMING,
                P_LAT - 500 * NORTH, P_LON + 500 * EAST)
                .with("openingHours", StationJson.weekdaysAndWeekend(StationJson.WEEKDAY_DAY, StationJson.MORNING))
                .with("closures", List.of(Map.of("from", "2026-11-23", "to", "2026-11-24", "reason", "装修"))));
        String c = create(StationJson.of("smart-health-station", "测A岛智慧健康驿站", CHONGMING, P_LAT, P_LON + 1000 * EAST)
                .with("services", List.of("health-self-check", "fitness-test"))
                .with("openingHours", StationJson.daily(List.of(StationJson.session("08:00", "20:00")))));
        String d = create(StationJson.of("tcm-station", "测A岛中医药特色巡诊站", CHONGMING, P_LAT - 1500 * NORTH, P_LON)
                .with("services", List.of("tcm", "acupuncture"))
                .with("openingHours", StationJson.onDays(StationJson.MORNING, "tuesday", "thursday")));
        String f = create(StationJson.of("service-station", "测A岛东北服务站", CHONGMING,
                P_LAT + 1414.2 * NORTH, P_LON + 1414.2 * EAST));
        String e = create(StationJson.of("fever-clinic", "测A岛发热门诊", CHONGMING, P_LAT, P_LON - 2500 * EAST)
                .with("services", List.of("fever-clinic"))
                .with("openingHours", StationJson.daily(StationJson.ALL_DAY)));
        String g = create(StationJson.of("service-station", "测A岛已关闭服务站", CHONGMING, P_LAT + 300 * NORTH, P_LON));
        given().auth().oauth2(TestTokens.cityAdmin()).contentType(ContentType.JSON)
                .body(Map.of("reason", "并入中心")).post("/api/stations/{id}/close", g)
                .then().statusCode(200);
        ids = Map.of("A", a, "B", b, "C", c, "D", d, "E", e, "F", f, "G", g, "H", h);
    }

    @Test
    void nearResultsAreOrderedByDistanceWithWalkingTime() {
        ValidatableResponse response = search("near", P, "radius", "3000")
                .body("total", equalTo(7))
                .body("items[0].distanceMeters", equalTo(0));
        assertThat(names(response)).containsExactly("A", "B", "H", "C", "D", "F", "E");
        List<Integer> distances = response.extract().path("items.distanceMeters");
        assertThat(distances).isSorted();
        assertThat(distances.get(1)).isBetween(499, 501);
        assertThat(distances.get(3)).isBetween(999, 1001);
        List<Integer> minutes = response.extract().path("items.walkingMinutes");
        assertThat(minutes).isSorted().allSatisfy(m -> assertThat(m).isPositive());
        // 500 m at 75 m/min with a 1.25 detour factor.
        assertThat(minutes.get(1)).isEqualTo(9);
    }

    @Test
    void theRadiusEdgeIsInclusive() {
        int distanceToF = search("near", P, "radius", "3000", "type", "service-station", "q", "东北")
                .extract().path("items[0].distanceMeters");

        assertThat(names(search("near", P, "radius", String.valueOf(distanceToF + 1)))).contains("F").doesNotContain("E");
        assertThat(names(search("near", P, "radius", String.valueOf(distanceToF - 2)))).doesNotContain("F");
        assertThat(names(search("near", P, "radius", "1200"))).containsExactly("A", "B", "H", "C");
    }

    @Test
    void filtersByTypeServiceAndDistrict() {
        assertThat(names(search("near", P, "type", "service-station"))).containsExactly("B", "H", "F");
        assertThat(names(search("near", P, "service", "health-self-check"))).containsExactly("C");
        assertThat(names(search("near", P, "service", "general-practice", "type", "community-health-center")))
                .containsExactly("A");
        assertThat(names(search("near", P, "district", CHONGMING))).hasSize(7);
        search("near", P, "district", "310110").body("total", equalTo(0));
    }

    @Test
    void openAtFollowsMiddaySessionsWeekendsAndClosures() {
        assertThat(names(search("near", P, "openAt", MONDAY_MIDDAY))).containsExactly("A", "C", "F", "E");
        assertThat(names(search("near", P, "openAt", MONDAY_MORNING))).containsExactly("A", "B", "C", "F", "E");
        assertThat(names(search("near", P, "openAt", TUESDAY_MORNING))).containsExactly("A", "B", "C", "D", "F", "E");
        assertThat(names(search("near", P, "openAt", SATURDAY_MORNING))).containsExactly("A", "H", "C", "F", "E");
        assertThat(names(search("near", P, "openAt", SUNDAY_AFTERNOON))).containsExactly("C", "E");
    }

    @Test
    void openAtIsReadInShanghaiTimeWhateverTheOffset() {
        List<String> shanghai = names(search("near", P, "openAt", MONDAY_MIDDAY));

        assertThat(names(search("near", P, "openAt", "2026-11-23T04:30:00Z"))).isEqualTo(shanghai);
        assertThat(names(search("near", P, "openAt", "2026-11-23T12:30:00"))).isEqualTo(shanghai);
    }

    @Test
    void openNowKeepsOnlyStationsOpenNow() {
        ValidatableResponse response = search("near", P, "openNow", "true");

        assertThat(names(response)).contains("E");
        List<Boolean> open = response.extract().path("items.openNow");
        assertThat(open).containsOnly(true);
    }

    @Test
    void textQueryMatchesEveryTermInNameOrAddress() {
        assertThat(names(search("near", P, "q", "中医"))).containsExactly("D");
        assertThat(names(search("near", P, "q", "测A岛 服务站"))).containsExactly("B", "H", "F");
        assertThat(names(search("q", "测A岛 北"))).containsExactlyInAnyOrder("B", "F");
    }

    @Test
    void pagesAreStableSlicesOfTheOrder() {
        search("near", P, "size", "2", "page", "0").body("total", equalTo(7)).body("size", equalTo(2));
        assertThat(names(search("near", P, "size", "2", "page", "0"))).containsExactly("A", "B");
        assertThat(names(search("near", P, "size", "2", "page", "1"))).containsExactly("H", "C");
        assertThat(names(search("near", P, "size", "2", "page", "3"))).containsExactly("E");
        assertThat(names(search("near", P, "size", "2", "page", "4"))).isEmpty();
    }

    @Test
    void withoutNearResultsComeInIdOrderWithoutDistance() {
        ValidatableResponse response = search("q", "测A岛");

        List<String> resultIds = response.extract().path("items.id");
        assertThat(resultIds).isSorted().hasSize(7);
        response.body("items[0].distanceMeters", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void closedStationsLeaveSearchButStayReadable() {
        assertThat(names(search("near", P, "radius", "400"))).containsExactly("A");
        given().get("/api/stations/{id}", ids.get("G")).then().statusCode(200)
                .body("status", equalTo("closed")).body("closedReason", equalTo("并入中心"));
    }

    @Test
    void gcj02InputIsConvertedAndOutputComesBackInTheSameDatum() {
        GeoPoint gcj = Gcj02.fromWgs84(new GeoPoint(P_LAT, P_LON));

        ValidatableResponse response = search("near", gcj.lat() + "," + gcj.lon(), "crs", "gcj02", "radius", "100")
                .body("crs", equalTo("gcj02"));

        assertThat(names(response)).containsExactly("A");
        response.body("items[0].distanceMeters", equalTo(0));
        float lat = response.extract().path("items[0].position.lat");
        float lon = response.extract().path("items[0].position.lon");
        assertThat(new GeoPoint(lat, lon).distanceMeters(gcj)).isLessThan(1.0);
        // The same point read as WGS-84 is hundreds of metres off: A is not within 100 m.
        assertThat(names(search("near", gcj.lat() + "," + gcj.lon(), "radius", "100"))).isEmpty();
    }

    @Test
    void oneStationShowsItsHoursClosuresAndDistrictName() {
        given().get("/api/stations/{id}", ids.get("H")).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("type", equalTo("service-station"))
                .body("typeName", equalTo("社区卫生服务站"))
                .body("districtName", equalTo("崇明区"))
                .body("openingHours.monday[0].opens", equalTo("08:00"))
                .body("openingHours.monday[0].closes", equalTo("16:30"))
                .body("closures[0].from", equalTo("2026-11-23"))
                .body("closures[0].reason", equalTo("装修"))
                .body("services", hasItems("general-practice", "family-doctor"));
    }

    @Test
    void searchIsPublic() {
        given().get("/api/stations?near=" + P).then().statusCode(200);
    }

    private static ValidatableResponse search(String... params) {
        var request = given().accept(ContentType.JSON);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/api/stations").then().statusCode(200).contentType(ContentType.JSON);
    }

    /** Result ids translated back to the fixture letters, so expectations read as the neighbourhood. */
    private static List<String> names(ValidatableResponse response) {
        List<String> found = response.extract().path("items.id");
        return found.stream().map(id -> ids.entrySet().stream().filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey).findFirst().orElse("?" + id)).toList();
    }

    private static String create(StationJson station) {
        return given().auth().oauth2(TestTokens.cityAdmin()).contentType(ContentType.JSON).body(station.json())
                .post("/api/stations").then().statusCode(201).extract().path("id");
    }
}
