package cn.sh.healthcloud.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import cn.sh.healthcloud.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** Errors outside any feature's own checks still come back as RFC 9457 problem details. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ProblemDetailsTest {

    @Test
    void unknownApiPathIs404ProblemDetail() {
        given().get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://healthcloud.sh.cn/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404));
    }

    @Test
    void wrongMethodIs405ProblemDetail() {
        given().delete("/api/stations").then().statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
    }

    @Test
    void wrongMediaTypeIs415ProblemDetail() {
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("text/plain").body("hello").post("/api/stations")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("https://healthcloud.sh.cn/problems/unsupported-media-type"));
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        String token = io.smallrye.jwt.build.Jwt.claims().subject("x").issuer(TestTokens.ISSUER).audience("another-service")
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("city-admin"))).sign();
        given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/stations")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void problemsNeverCarryStackTraces() {
        given().get("/api/stations?near=31.2,oops").then().statusCode(400)
                .body(not(containsString("Exception")))
                .body(not(containsString("at cn.sh")));
    }
}
