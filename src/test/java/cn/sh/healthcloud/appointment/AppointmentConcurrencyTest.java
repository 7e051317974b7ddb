package cn.sh.healthcloud.appointment;

import static cn.sh.healthcloud.appointment.AppointmentFixtures.bookableSlots;
import static cn.sh.healthcloud.appointment.AppointmentFixtures.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rush: hundreds of residents book the same small slot at the same moment. Exactly capacity
 * bookings succeed, every other request is a 409, and the database, the cache and the API agree.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AppointmentConcurrencyTest {

    private static final int CAPACITY = 5;
    private static final int RESIDENTS = 300;

    @Inject
    Pool pool;

    @Inject
    ReactiveRedisDataSource redis;

    @TestHTTPResource("/api/appointments")
    URL appointments;

    @Test
    void exactlyCapacityBookingsWinTheRestAre409() throws Exception {
        String station = AppointmentFixtures.station("community-health-center");
        long slot = bookableSlots(pool, AppointmentFixtures.schedule(station, "vaccination", CAPACITY, 0)).get(0);
        String day = pool.preparedQuery("select day::text from appointment_slot where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(slot)).await().indefinitely().iterator().next().getString(0);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            tokens.add(AppointmentFixtures.resident());
        }

        var executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient client = HttpClient.newBuilder().executor(executor).build();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (String token : tokens) {
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(appointments.toString()))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"slotId\": " + slot + "}")).build();
                    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, executor));
        }
        start.countDown();
        Map<Integer, Long> byStatus = results.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        executor.shutdown();

        assertThat(byStatus).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(CAPACITY);
        assertThat(byStatus.get(409)).isEqualTo(RESIDENTS - CAPACITY);
        assertThat(count(pool, "select booked from appointment_slot where id = $1", slot)).isEqualTo(CAPACITY);
        assertThat(count(pool, "select count(*) from appointment where slot_id = $1 and status = 'BOOKED'", slot))
                .isEqualTo(CAPACITY);

        int apiRemaining = given().get("/api/stations/{id}/slots?service=vaccination&from={d}&to={d}", station, day, day)
                .then().statusCode(200).extract().path("days[0].slots.find { it.id == " + slot + " }.remaining");
        String cached = redis.value(String.class).get(AvailabilityCache.key(station, "vaccination", java.time.LocalDate.parse(day)))
                .await().indefinitely();
        assertThat(apiRemaining).isZero();
        assertThat(cached).contains("\"id\":" + slot + ",").contains("\"remaining\":0,\"referralPlacesHeld\":0,\"status\":\"full\"");
    }
}
