package cn.sh.healthcloud.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Another replica's writes reach this replica's index: rows are changed in PostgreSQL directly
 * (as a write through a different pod would leave them) and search must follow within the refresh.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DirectoryRefreshTest {

    private static final String PROFILE = """
            {"services":["general-practice"],"openingHours":{"monday":[{"opens":"08:00","closes":"16:30"}]},
             "closures":[]}""";

    @Inject
    Pool pool;

    @Test
    void insertsUpdatesAndClosuresByAnotherReplicaAreSearchable() {
        insert("310151-9001", "别的副本新建站", 31.5300, 121.6100, new JsonObject(PROFILE));
        awaitSearch("别的副本新建站", 1);
        given().queryParam("near", "31.5300,121.6100").queryParam("radius", "10").get("/api/stations")
                .then().body("items[0].id", equalTo("310151-9001"));

        sql("update station set name = '别的副本改名站', version = version + 1 where id = '310151-9001'");
        awaitSearch("别的副本改名站", 1);
        awaitSearch("别的副本新建站", 0);

        sql("update station set status = 'CLOSED', closed_reason = '撤并', version = version + 1 where id = '310151-9001'");
        awaitSearch("别的副本改名站", 0);
    }

    @Test
    void anUnreadableRowIsLeftOutWithoutStoppingOtherChanges() {
        insert("310151-9002", "格式损坏的站", 31.5400, 121.6200, new JsonObject().put("services", "not-a-list"));
        insert("310151-9003", "损坏之后的新站", 31.5410, 121.6210, new JsonObject(PROFILE));

        awaitSearch("损坏之后的新站", 1);
        awaitSearch("格式损坏的站", 0);
    }

    private void insert(String id, String name, double lat, double lon, JsonObject profile) {
        sql("insert into station (id, type, name, district, street, address, lat, lon, profile) "
                + "values ($1, 'service-station', $2, '310151', '堡镇', '上海市崇明区堡镇路1号', $3, $4, $5)",
                id, name, lat, lon, profile);
    }

    private void sql(String statement, Object... params) {
        pool.preparedQuery(statement).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10));
    }

    private static void awaitSearch(String text, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().queryParam("q", text).get("/api/stations").then().body("total", equalTo(expected)));
    }
}
