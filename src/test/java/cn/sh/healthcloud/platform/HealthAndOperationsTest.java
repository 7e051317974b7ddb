package cn.sh.healthcloud.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** Probes, metrics and the API description that operators and client teams rely on. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HealthAndOperationsTest {

    @Test
    void readinessChecksDatabaseRedisBrokerAndTheDirectoryIndex() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItems("mqtt-broker", "kiosk-stream", "station-directory-index",
                                "Reactive PostgreSQL connections health check", "Redis connection health check")));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/api/stations?near=31.26,121.52").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/stations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/stations/{id}"));
    }
}
