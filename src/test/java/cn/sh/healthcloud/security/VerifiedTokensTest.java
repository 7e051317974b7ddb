package cn.sh.healthcloud.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sh.healthcloud.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Remembering verified tokens must never let through anything a fresh verification would refuse. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aVerifiedTokenIsRememberedAndStillAnswersAsItsOwnResident() {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        String aliceToken = TestTokens.resident(alice);
        String bobToken = TestTokens.resident(bob);
        assertThat(tokens.identityOf(aliceToken)).isEmpty();

        String aliceAccount = me(aliceToken);
        assertThat(tokens.identityOf(aliceToken)).get()
                .satisfies(identity -> assertThat(Caller.subjectOf(identity)).isEqualTo(alice));
        // Served from memory now: the same account, and another token still gets its own.
        assertThat(me(aliceToken)).isEqualTo(aliceAccount);
        assertThat(me(bobToken)).isNotEqualTo(aliceAccount);
        assertThat(Caller.subjectOf(tokens.identityOf(bobToken).orElseThrow())).isEqualTo(bob);
    }

    @Test
    void aRememberedTokenKeepsItsRolesOnly() {
        String resident = TestTokens.resident("roles-" + UUID.randomUUID());
        me(resident);
        assertThat(tokens.identityOf(resident)).isPresent();
        given().auth().oauth2(resident).get("/api/doctor/me").then().statusCode(403);
    }

    @Test
    void tokensThatFailVerificationAreNeverRemembered() {
        String forged = TestTokens.forged(Roles.RESIDENT);
        given().auth().oauth2(forged).get("/api/me").then().statusCode(401);
        given().auth().oauth2(forged).get("/api/me").then().statusCode(401);
        assertThat(tokens.identityOf(forged)).isEmpty();

        String genuine = TestTokens.resident("tampered-" + UUID.randomUUID());
        me(genuine);
        // The same header and payload with one signature character changed is another token.
        String tampered = genuine.substring(0, genuine.length() - 2)
                + (genuine.charAt(genuine.length() - 2) == 'A' ? 'B' : 'A') + genuine.charAt(genuine.length() - 1);
        given().auth().oauth2(tampered).get("/api/me").then().statusCode(401);
        assertThat(tokens.identityOf(tampered)).isEmpty();
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        String shortLived = TestTokens.residentExpiringIn("expiring-" + UUID.randomUUID(), 3);
        me(shortLived);
        assertThat(tokens.identityOf(shortLived)).isPresent();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(shortLived).get("/api/me").then().statusCode(401));
        assertThat(tokens.identityOf(shortLived)).isEmpty();
    }

    private static String me(String token) {
        return given().auth().oauth2(token).get("/api/me").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.notNullValue()).extract().path("id");
    }
}
