package cn.sh.healthcloud.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sh.healthcloud.TestTokens;
import cn.sh.healthcloud.kiosk.load.KioskLoad;
import cn.sh.healthcloud.processes.ServiceProcesses;
import cn.sh.healthcloud.processes.ServiceProcesses.Database;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scale-out on one machine: three replicas of the packaged service (prod profile, different HTTP
 * ports) share one PostgreSQL database, one Redis database and one broker's shared-subscription
 * group. A booking rush spread over the replicas never overbooks; tens of thousands of kiosk
 * readings are split between them, one replica is killed (kill -9) mid-stream, and the others
 * finish: every reading the broker accepted is stored exactly once.
 *
 * <p>The broker is HiveMQ CE (scripts/hivemq.sh), not the project's Mosquitto: Mosquitto 2.0.11
 * keeps an absent member's share of a group for it, so the survivors could not finish its work
 * (README, "Scale-out").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final int BROKER = 18839;
    private static final int[] HTTP = { 18095, 18096, 18097 };
    private static final Database DB = new Database("healthcloud_scale");
    private static final int REDIS_DB = 9;
    private static final int READINGS = 24_000;
    private static final int RATE = 1_000;

    private static final OidcWiremockTestResource OIDC = new OidcWiremockTestResource();
    private static final HttpClient HTTP_CLIENT = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final Process[] REPLICAS = new Process[HTTP.length];
    private static String issuer;

    @BeforeAll
    static void threeReplicas() throws Exception {
        ServiceProcesses.run("bash", "scripts/hivemq.sh", "stop", String.valueOf(BROKER));
        ServiceProcesses.deleteRecursively(Path.of(System.getProperty("user.home"), ".cache/healthcloud/hivemq-" + BROKER).toFile());
        ServiceProcesses.run("bash", "scripts/hivemq.sh", "start", String.valueOf(BROKER));
        ServiceProcesses.run("redis-cli", "-n", String.valueOf(REDIS_DB), "flushdb");
        issuer = OIDC.start().get("keycloak.url") + "/realms/quarkus/";
        // TestTokens signs with the OIDC test server's key, as in the @QuarkusTest classes.
        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");

        // The first replica migrates a clean database and seeds the directory and its kiosks; the
        // others join once it is ready, as pods of a rolling deployment would.
        REPLICAS[0] = startReplica(0, true);
        awaitReady(0);
        for (int i = 1; i < HTTP.length; i++) {
            REPLICAS[i] = startReplica(i, false);
        }
        for (int i = 1; i < HTTP.length; i++) {
            awaitReady(i);
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Process replica : REPLICAS) {
            if (replica != null && replica.isAlive()) {
                replica.destroy();
                replica.waitFor();
            }
        }
        ServiceProcesses.run("bash", "scripts/hivemq.sh", "stop", String.valueOf(BROKER));
        OIDC.stop();
    }

    @Test
    @Order(1)
    void aBookingRushSpreadOverTheReplicasNeverOverbooks() throws Exception {
        int capacity = 5;
        int residents = 300;
        String station = newStation();
        String schedule = post(0, "/api/stations/" + station + "/schedules", TestTokens.stationAdmin(station, "310113"),
                new JsonObject().put("service", "vaccination").put("practitioner", "王医生")
                        .put("weekdays", new JsonArray(List.of("monday", "tuesday", "wednesday", "thursday", "friday",
                                "saturday", "sunday")))
                        .put("sessions", new JsonArray().add(new JsonObject().put("opens", "00:00").put("closes", "00:00")))
                        .put("slotMinutes", 60).put("capacity", capacity).put("referralQuota", 0))
                .getString("id");
        long slot = firstBookableSlot(schedule);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < residents; i++) {
            int replica = i % HTTP.length;
            String token = TestTokens.resident("scale-res-" + UUID.randomUUID());
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return HTTP_CLIENT.send(request(replica, "/api/appointments", token)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"slotId\": " + slot + "}")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, Executors.newVirtualThreadPerTaskExecutor()));
        }
        start.countDown();
        Map<Integer, Long> byStatus = results.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        System.out.printf("booking rush over %d replicas: %d residents, capacity %d: %s%n", HTTP.length, residents,
                capacity, byStatus);

        assertThat(byStatus).containsEntry(201, (long) capacity).containsEntry(409, (long) (residents - capacity));
        assertThat(DB.count("select booked from appointment_slot where id = ?", slot)).isEqualTo(capacity);
        assertThat(DB.count("select count(*) from appointment where slot_id = ? and status = 'BOOKED'", slot))
                .isEqualTo(capacity);
    }

    @Test
    @Order(2)
    void theReplicasShareTheKioskStreamAndTheSurvivorsFinishTheWorkOfAKilledOne() throws Exception {
        List<String> kiosks = DB.kiosks(20);
        try (KioskLoad load = new KioskLoad("localhost", BROKER, kiosks, 4, 200)) {
            load.start(RATE);
            await().atMost(Duration.ofSeconds(120)).until(() -> load.accepted.size() >= READINGS / 3);
            // The busiest replica dies: the most work in flight for the others to finish.
            long[] storedBy = new long[HTTP.length];
            int victim = 0;
            for (int i = 0; i < HTTP.length; i++) {
                storedBy[i] = storedBy(i);
                victim = storedBy[i] > storedBy[victim] ? i : victim;
            }
            System.out.printf("scale-out: %d readings accepted when replica %d is killed; stored so far by replica: %s%n",
                    load.accepted.size(), victim, java.util.Arrays.toString(storedBy));
            REPLICAS[victim].destroyForcibly().waitFor();    // its batches in flight are never committed nor acknowledged
            assertThat(storedBy[victim]).as("the killed replica was taking its share").isPositive();
            await().atMost(Duration.ofSeconds(240)).until(() -> load.accepted.size() >= READINGS);
            load.stop();
            // The broker's PUBACKs for the last publishes; none may stay missing.
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> load.unacknowledged() == 0);

            List<UUID> accepted = new ArrayList<>(load.accepted.keySet());
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    DB.count("select count(*) from kiosk_reading where reading_id = any(?)", accepted) == accepted.size());
            long stored = DB.count("select count(*) from kiosk_reading where reading_id = any(?)", accepted);
            long afterKill = 0;
            for (int i = 0; i < HTTP.length; i++) {
                if (i != victim) {
                    long now = storedBy(i);
                    afterKill += now - storedBy[i];
                    storedBy[i] = now;
                }
            }
            System.out.printf("scale-out: %d readings published, %d accepted by the broker, %d stored; lost = %d;"
                    + " stored by replica %s (replica %d's figure from before it was killed)%n",
                    load.sentReadings.size(), accepted.size(), stored, accepted.size() - stored,
                    java.util.Arrays.toString(storedBy), victim);

            assertThat(java.util.Arrays.stream(storedBy).min().orElseThrow()).as("every replica took part").isPositive();
            assertThat(afterKill).as("stored by the survivors after the kill").isGreaterThan(READINGS / 2);
            assertThat(accepted.size()).as("readings accepted by the broker").isGreaterThanOrEqualTo(READINGS);
            assertThat(load.unacknowledged()).as("publishes never acknowledged").isZero();
            assertThat(stored).as("lost = accepted - stored").isEqualTo(accepted.size());
            assertThat(DB.count("select count(*) from (select reading_id from observation where reading_id = any(?)"
                    + " group by reading_id, type having count(*) > 1) twice", accepted)).as("observations stored twice").isZero();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> DB.count("select count(*) from kiosk_session where assessed_at is null") == 0);
            assertThat(DB.count("select count(*) from (select session_id from report group by session_id having count(*) > 1) r"))
                    .as("sessions reported twice").isZero();
        }
    }

    private static Process startReplica(int index, boolean first) throws IOException {
        List<String> command = ServiceProcesses.command(List.of("-Dquarkus.profile=prod",
                "-Dquarkus.http.port=" + HTTP[index],
                "-Dhealthcloud.db.name=" + DB.name(), "-Dquarkus.datasource.username=healthcloud",
                "-Dquarkus.datasource.password=healthcloud",
                "-Dhealthcloud.redis.database=" + REDIS_DB, "-Dhealthcloud.mqtt.port=" + BROKER,
                "-Dhealthcloud.kiosk.client-id=healthcloud-scale-ingest-" + index,
                "-Dhealthcloud.kiosk.shared-subscription=true",
                "-Dquarkus.oidc.auth-server-url=" + issuer, "-Dquarkus.oidc.token.issuer=" + TestTokens.ISSUER,
                // The test profile's synthetic keys: production takes them from a secret.
                "-Dhealthcloud.account.active-key-id=scale-1",
                "-Dhealthcloud.account.encryption-keys.scale-1=1DZ6F2i0DcT0x7AigmxmspXDFuAF9PhBNeBB59/FpsQ=",
                "-Dhealthcloud.account.lookup-key=mcSei2SuuKlQUW5OhyPwbBUEYpIVaSlbZQUHXDH+qnA=",
                "-Dhealthcloud.directory.seed.enabled=" + first, "-Dhealthcloud.kiosk.seed.enabled=" + first,
                "-Dquarkus.flyway.clean-disabled=" + !first, "-Dquarkus.flyway.clean-at-start=" + first));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(new File("target/scale-replica-" + index + ".log"))).start();
    }

    private static void awaitReady(int index) {
        ServiceProcesses.awaitReady(REPLICAS[index], HTTP[index], "target/scale-replica-" + index + ".log");
    }

    private static long storedBy(int index) throws Exception {
        return ServiceProcesses.readingsStoredBy(HTTP[index]);
    }

    private static String newStation() throws Exception {
        JsonObject allDay = new JsonObject().put("opens", "00:00").put("closes", "00:00");
        JsonObject hours = new JsonObject();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            hours.put(day, new JsonArray().add(allDay));
        }
        return post(1, "/api/stations", TestTokens.cityAdmin(), new JsonObject().put("type", "community-health-center")
                .put("name", "扩容测试站" + UUID.randomUUID().toString().substring(0, 8)).put("district", "310113")
                .put("address", "上海市宝山区测试路2号").put("position", new JsonObject().put("lat", 31.40).put("lon", 121.49))
                .put("services", new JsonArray(List.of("general-practice", "vaccination"))).put("openingHours", hours))
                .getString("id");
    }

    private static JsonObject post(int replica, String path, String token, JsonObject body) throws Exception {
        HttpResponse<String> response = HTTP_CLIENT.send(request(replica, path, token)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        return new JsonObject(response.body());
    }

    private static HttpRequest.Builder request(int replica, String path, String token) {
        return HttpRequest.newBuilder(uri(replica, path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static URI uri(int replica, String path) {
        return URI.create("http://localhost:" + HTTP[replica] + path);
    }

    private static long firstBookableSlot(String schedule) throws SQLException {
        try (Connection db = DB.connect(); PreparedStatement st = db.prepareStatement("""
                select id from appointment_slot where schedule_id = ?::uuid and closed_reason is null
                  and booking_opens_at <= now() and booking_closes_at > now() + interval '10 minutes'
                  and starts_at > now() + interval '3 hours' order by starts_at limit 1""")) {
            st.setString(1, schedule);
            try (ResultSet rows = st.executeQuery()) {
                assertThat(rows.next()).as("a bookable slot").isTrue();
                return rows.getLong(1);
            }
        }
    }
}
