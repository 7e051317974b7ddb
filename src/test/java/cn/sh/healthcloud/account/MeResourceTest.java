package cn.sh.healthcloud.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.sh.healthcloud.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resident's own account: creation, identifier linking, masking, conflicts and who may call. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MeResourceTest {

    @Inject
    Pool pool;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theFirstVisitCreatesTheAccountOnce() {
        String resident = TestTokens.resident(newSubject());

        String id = as(resident).get("/api/me").then().statusCode(200)
                .body("id", notNullValue()).body("nationalId", nullValue()).extract().path("id");
        as(resident).get("/api/me").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aChineseNameIsFamilyNameFirstWithoutASpaceAndOtherNamesAreAsTheTokenSaysThem() {
        String chinese = io.smallrye.jwt.build.Jwt.claims().subject(newSubject()).issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).claim("name", "伟 张").claim("given_name", "伟").claim("family_name", "张")
                .claim("realm_access", Map.of("roles", List.of("resident"))).sign();
        as(chinese).get("/api/me").then().statusCode(200).body("name", equalTo("张伟"));
        String english = io.smallrye.jwt.build.Jwt.claims().subject(newSubject()).issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).claim("name", "Anna Schmidt").claim("given_name", "Anna")
                .claim("family_name", "Schmidt").claim("realm_access", Map.of("roles", List.of("resident"))).sign();
        as(english).get("/api/me").then().statusCode(200).body("name", equalTo("Anna Schmidt"));
    }

    @Test
    void linkingAnIdNumberStoresItSealedAndShowsItMasked() {
        String subject = newSubject();
        String number = NationalIdNumberTest.shanghaiNumber("19580317", "123");

        String body = as(TestTokens.resident(subject)).body(Map.of("number", number)).put("/api/me/national-id")
                .then().statusCode(200)
                .body("nationalId.masked", equalTo(number.substring(0, 4) + "**********" + number.substring(14)))
                .body("nationalId.birthDate", equalTo("1958-03-17"))
                .body("nationalId.sex", equalTo("male"))
                .extract().asString();
        assertThat(body).doesNotContain(number).doesNotContain("19580317");
        assertThat(as(TestTokens.resident(subject)).get("/api/me").asString()).doesNotContain(number);

        Row row = pool.preparedQuery("select national_id_sealed, national_id_lookup, national_id_key_id from resident where subject = $1")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertThat(new String(row.getBuffer("national_id_sealed").getBytes(), StandardCharsets.ISO_8859_1)).doesNotContain(number);
        assertThat(row.getBuffer("national_id_lookup").length()).isEqualTo(32);
        assertThat(row.getString("national_id_key_id")).isEqualTo("test-2");
    }

    @Test
    void anInvalidNumberIs422AndIsNotEchoed() {
        String subject = newSubject();
        String typo = "110105194912310021";

        String body = as(TestTokens.resident(subject)).body(Map.of("number", typo)).put("/api/me/national-id")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://healthcloud.sh.cn/problems/rule-violated"))
                .body("errors[0].field", equalTo("number"))
                .body("errors[0].message", equalTo("has a wrong check digit (typed wrongly?)"))
                .extract().asString();
        assertThat(body).doesNotContain(typo);
        as(TestTokens.resident(subject)).get("/api/me").then().body("nationalId", nullValue());
        as(TestTokens.resident(subject)).body(Map.of("number", "")).put("/api/me/national-id").then().statusCode(400);
    }

    @Test
    void oneIdNumberBelongsToOneAccount() {
        String number = NationalIdNumberTest.shanghaiNumber("19620705", "246");
        String first = newSubject();
        String second = newSubject();
        as(TestTokens.resident(first)).body(Map.of("number", number)).put("/api/me/national-id").then().statusCode(200);

        String body = as(TestTokens.resident(second)).body(Map.of("number", number)).put("/api/me/national-id")
                .then().statusCode(409).contentType("application/problem+json").extract().asString();

        assertThat(body).doesNotContain(number);
        as(TestTokens.resident(second)).get("/api/me").then().body("nationalId", nullValue());
        as(TestTokens.resident(first)).body(Map.of("number", number)).put("/api/me/national-id")
                .then().statusCode(200).body("nationalId.birthDate", equalTo("1962-07-05"));
        as(TestTokens.resident(first)).body(Map.of("number", NationalIdNumberTest.shanghaiNumber("19620705", "248")))
                .put("/api/me/national-id").then().statusCode(409);
    }

    @Test
    void whenTwoAccountsClaimOneNumberAtOnceExactlyOneWins() throws Exception {
        String number = NationalIdNumberTest.shanghaiNumber("19710909", "312");
        List<String> subjects = List.of(newSubject(), newSubject(), newSubject(), newSubject());
        subjects.forEach(s -> as(TestTokens.resident(s)).get("/api/me").then().statusCode(200));
        CyclicBarrier start = new CyclicBarrier(subjects.size());
        List<String> tokens = subjects.stream().map(TestTokens::resident).toList();
        // Client threads need the test's class loader, where Quarkus tests keep signing keys and Jackson modules.
        ClassLoader testLoader = Thread.currentThread().getContextClassLoader();
        ExecutorService clients = Executors.newFixedThreadPool(tokens.size(), task -> {
            Thread thread = new Thread(task);
            thread.setContextClassLoader(testLoader);
            return thread;
        });

        List<CompletableFuture<Integer>> claims = tokens.stream().map(token -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return as(token).body(Map.of("number", number)).put("/api/me/national-id").statusCode();
        }, clients)).toList();

        List<Integer> statuses = claims.stream().map(CompletableFuture::join).toList();
        clients.shutdown();
        assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
    }

    @Test
    void anInsuranceCardLinksIsReplaceableAndBelongsToOneAccount() {
        String subject = newSubject();
        as(TestTokens.resident(subject)).body(Map.of("number", "sh 2026 1122 0042")).put("/api/me/insurance-card")
                .then().statusCode(200).body("insuranceCard.masked", equalTo("SH********0042"));
        as(TestTokens.resident(subject)).body(Map.of("number", "SH20271122009")).put("/api/me/insurance-card")
                .then().statusCode(200).body("insuranceCard.masked", equalTo("SH*******2009"));
        as(TestTokens.resident(newSubject())).body(Map.of("number", "SH20271122009")).put("/api/me/insurance-card")
                .then().statusCode(409);
        as(TestTokens.resident(newSubject())).body(Map.of("number", "12-34")).put("/api/me/insurance-card")
                .then().statusCode(422).body("errors[0].message", equalTo("must be 8 to 20 letters and digits"));
    }

    @Test
    void onlyResidentsHaveAnAccount() {
        given().get("/api/me").then().statusCode(401).contentType("application/problem+json");
        for (String token : List.of(TestTokens.doctor("d", "310110-0001", "310110"), TestTokens.districtOfficer("310110"),
                TestTokens.stationAdmin("310110-0002", "310110"), TestTokens.cityAdmin())) {
            as(token).get("/api/me").then().statusCode(403).body(not(containsString("nationalId")));
        }
    }

    @Test
    void noIdNumberEverReachesTheLog() throws Exception {
        String number = NationalIdNumberTest.shanghaiNumber("19800101", "468");
        String subject = newSubject();
        String account = as(TestTokens.resident(subject)).body(Map.of("number", number)).put("/api/me/national-id")
                .then().statusCode(200).extract().path("id");
        as(TestTokens.resident(newSubject())).body(Map.of("number", number)).put("/api/me/national-id").then().statusCode(409);
        as(TestTokens.resident(subject)).body(Map.of("number", number.substring(0, 17) + "0")).put("/api/me/national-id");

        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertThat(log).contains("Account " + account + " linked its resident-id-card")
                .doesNotContain(number).doesNotContain(number.substring(0, 17));
    }

    private static String newSubject() {
        return "resident-" + UUID.randomUUID();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
