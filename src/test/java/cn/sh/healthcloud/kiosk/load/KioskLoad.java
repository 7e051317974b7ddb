package cn.sh.healthcloud.kiosk.load;

import cn.sh.healthcloud.account.NationalIdNumber;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Kiosks publishing sessions of readings with QoS 1 at a set rate, as the fault test and the
 * ingestion benchmark drive them. Each connection is a Paho client with a persistent session and
 * automatic reconnect, which resends unacknowledged messages after a reconnect and buffers what is
 * published meanwhile, as a device agent's outbox would: "accepted" means PUBACKed by the broker.
 * Sessions are three readings (half anonymous, half with one of 1,000 synthetic ID cards) and a close.
 */
public final class KioskLoad implements AutoCloseable {

    /** -Dkiosk.load.closes=false leaves sessions open (assessed only at the timeout): ingestion alone. */
    private static final boolean CLOSES = Boolean.parseBoolean(System.getProperty("kiosk.load.closes", "true"));

    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final List<String> kiosks;
    private final List<String> cards = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    /** Readings the broker acknowledged, with when each was first published (epoch ms). */
    public final Map<UUID, Long> accepted = new ConcurrentHashMap<>();
    /** When each reading was first published (epoch ms). */
    public final Map<UUID, Long> sentReadings = new ConcurrentHashMap<>();
    public final AtomicLong publishes = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public KioskLoad(String host, int port, List<String> kiosks, int connections, int inflightPerConnection)
            throws MqttException {
        this.kiosks = List.copyOf(kiosks);
        for (int i = 0; i < 1000; i++) {
            String first17 = "310110" + (1940 + i % 60) + "0" + (1 + i % 9) + "1" + (i % 9) + String.format("%03d", i);
            cards.add(first17 + NationalIdNumber.checkCharacter(first17));
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < connections; i++) {
            MqttAsyncClient client = new MqttAsyncClient("tcp://" + host + ":" + port, "load-" + run + "-" + i,
                    new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            options.setAutomaticReconnect(true);
            options.setMaxReconnectDelay(1000);
            options.setMaxInflight(inflightPerConnection);
            options.setKeepAliveInterval(10);
            DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
            buffer.setBufferEnabled(true);
            buffer.setBufferSize(1_000_000);
            buffer.setPersistBuffer(false);
            buffer.setDeleteOldestMessages(false);
            client.setBufferOpts(buffer);
            client.connect(options).waitForCompletion(10_000);
            clients.add(client);
        }
    }

    /** Publishes about {@code readingsPerSecond} readings a second until {@link #stop()}. */
    public void start(int readingsPerSecond) {
        long tickMs = 10;
        double perTick = readingsPerSecond * tickMs / 1000.0;
        double[] carry = { 0 };
        ticker.scheduleAtFixedRate(() -> {
            carry[0] += perTick;
            int sessions = (int) (carry[0] / 3);
            carry[0] -= sessions * 3;
            for (int s = 0; s < sessions; s++) {
                session(clients.get(ThreadLocalRandom.current().nextInt(clients.size())));
            }
        }, 0, tickMs, TimeUnit.MILLISECONDS);
    }

    public void stop() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Publishes not yet acknowledged by the broker (in flight, or waiting for a connection). */
    public long unacknowledged() {
        return outstanding.get();
    }

    /** Publishes the client refused outright (window full, or reconnecting); each was retried. */
    public long refusedAndRetried() {
        return refused.get();
    }

    private void session(MqttAsyncClient client) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String kiosk = kiosks.get(random.nextInt(kiosks.size()));
        UUID session = UUID.randomUUID();
        JsonObject subject = random.nextBoolean() ? new JsonObject().put("idType", "anonymous")
                : new JsonObject().put("idType", "resident-id-card").put("idNumber", cards.get(random.nextInt(cards.size())));
        JsonArray ids = new JsonArray();
        for (JsonObject measurement : measurements(random)) {
            UUID reading = UUID.randomUUID();
            ids.add(reading.toString());
            JsonObject json = new JsonObject().put("readingId", reading.toString()).put("sessionId", session.toString())
                    .put("kioskId", kiosk)
                    .put("takenAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).toString())
                    .put("subject", subject)
                    .put("device", new JsonObject().put("vendor", "欧姆龙").put("model", "HBP-9030").put("serial", "2023110012"))
                    .put("measurements", new JsonArray().add(measurement));
            long now = System.currentTimeMillis();
            sentReadings.put(reading, now);
            publish(client, "healthcloud/kiosks/" + kiosk + "/readings", json.toBuffer().getBytes(), reading, now);
        }
        if (!CLOSES) {
            return;
        }
        JsonObject close = new JsonObject().put("sessionId", session.toString()).put("kioskId", kiosk)
                .put("closedAt", OffsetDateTime.now().toString()).put("readingIds", ids);
        publish(client, "healthcloud/kiosks/" + kiosk + "/sessions", close.toBuffer().getBytes(), null, 0);
    }

    private void publish(MqttAsyncClient client, String topic, byte[] payload, UUID reading, long firstSentAt) {
        outstanding.incrementAndGet();
        send(client, topic, payload, reading, firstSentAt, new java.util.concurrent.atomic.AtomicBoolean());
    }

    /** Until the broker acknowledged it once; Paho may report a failure and still deliver the message later. */
    private void send(MqttAsyncClient client, String topic, byte[] payload, UUID reading, long firstSentAt,
            java.util.concurrent.atomic.AtomicBoolean acknowledged) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        while (true) {
            try {
                client.publish(topic, message, null, new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        if (acknowledged.compareAndSet(false, true)) {
                            outstanding.decrementAndGet();
                            if (reading != null) {
                                accepted.putIfAbsent(reading, firstSentAt);
                            }
                        }
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable failure) {
                        if (!acknowledged.get()) {
                            send(client, topic, payload, reading, firstSentAt, acknowledged);
                        }
                    }
                });
                publishes.incrementAndGet();
                return;
            } catch (MqttException e) {
                // Window full, or the client between connections (reconnecting): try again shortly.
                refused.incrementAndGet();
                try {
                    Thread.sleep(e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT ? 1 : 20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static List<JsonObject> measurements(ThreadLocalRandom r) {
        return List.of(
                new JsonObject().put("type", "blood-pressure").put("systolic", 105 + r.nextInt(60))
                        .put("diastolic", 65 + r.nextInt(30)).put("pulse", 55 + r.nextInt(40)).put("unit", "mmHg"),
                new JsonObject().put("type", "body-composition").put("weightKg", 50 + r.nextInt(40))
                        .put("heightCm", 150 + r.nextInt(35)).put("bodyFatPercent", 15 + r.nextInt(20)),
                new JsonObject().put("type", "glucose").put("value", 4.0 + r.nextInt(50) / 10.0).put("context", "fasting"));
    }

    @Override
    public void close() throws Exception {
        stop();
        for (MqttAsyncClient client : clients) {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        }
    }
}
