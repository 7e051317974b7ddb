package cn.sh.healthcloud.kiosk;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A kiosk as the tests drive it: an MQTT client on the tests' broker that publishes readings and
 * session messages with QoS 1 (returning once the broker acknowledged them) and collects what the
 * service sends back on the kiosk's reports and rejected topics.
 */
public final class TestKiosk implements AutoCloseable {

    public static final int BROKER_PORT = 18831;

    private final MqttClient client;
    public final String id;
    final Queue<JsonObject> reports = new ConcurrentLinkedQueue<>();
    final Queue<JsonObject> rejections = new ConcurrentLinkedQueue<>();

    public TestKiosk(Vertx vertx, String id) {
        this.id = id;
        this.client = MqttClient.create(vertx, new MqttClientOptions().setClientId("test-kiosk-" + UUID.randomUUID())
                .setCleanSession(true).setMaxInflightQueue(1000));
        client.publishHandler(message -> {
            JsonObject json = new JsonObject(message.payload());
            if (message.topicName().endsWith("/reports")) {
                reports.add(json);
            } else {
                rejections.add(json);
            }
        });
        await(client.connect(BROKER_PORT, "localhost"));
        await(client.subscribe(Map.of("healthcloud/kiosks/" + id + "/reports", 1, "healthcloud/kiosks/" + id + "/rejected", 1)));
    }

    public void publishReading(JsonObject reading) {
        publish("readings", reading.toBuffer());
    }

    public void publishRaw(String kind, String payload) {
        publish(kind, Buffer.buffer(payload));
    }

    public void close(UUID sessionId, List<String> readingIds) {
        publish("sessions", new JsonObject().put("sessionId", sessionId.toString()).put("kioskId", id)
                .put("closedAt", java.time.OffsetDateTime.now().toString())
                .put("readingIds", readingIds).toBuffer());
    }

    public void status(String state) {
        await(client.publish("healthcloud/kiosks/" + id + "/status", new JsonObject().put("state", state).toBuffer(),
                MqttQoS.AT_LEAST_ONCE, false, true));
    }

    private void publish(String kind, Buffer payload) {
        // publish() completes when sent; the PUBACK is awaited by the completion handler below.
        java.util.concurrent.CompletableFuture<Void> acked = new java.util.concurrent.CompletableFuture<>();
        client.publishCompletionHandler(id -> acked.complete(null));
        await(client.publish("healthcloud/kiosks/" + id + "/" + kind, payload, MqttQoS.AT_LEAST_ONCE, false, false));
        try {
            acked.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The broker did not acknowledge a publish", e);
        }
    }

    public JsonObject awaitReport(Predicate<JsonObject> which) {
        return awaitIn(reports, which);
    }

    public JsonObject awaitRejection(Predicate<JsonObject> which) {
        return awaitIn(rejections, which);
    }

    private static JsonObject awaitIn(Queue<JsonObject> queue, Predicate<JsonObject> which) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> queue.stream().filter(which).findFirst().orElse(null), found -> found != null);
    }

    @Override
    public void close() {
        await(client.disconnect());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
