package cn.sh.healthcloud.agent;

import static cn.sh.healthcloud.agent.ScaleReadings.missing;
import static cn.sh.healthcloud.agent.ScaleReadings.offer;
import static cn.sh.healthcloud.agent.ScaleReadings.weights;
import static cn.sh.healthcloud.agent.ScaleReadings.weightsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent against a real Mosquitto of its own (port 18834, the project's no-drop
 * configuration) and virtual serial ports (socat). Readings are offered as real Tanita WB-3000
 * frames written to the instrument's end of the pty pair, each with its own weight, so the test
 * knows exactly which readings must arrive.
 */
class AgentDeliveryIT {

    private static final LocalBroker BROKER = new LocalBroker(18834);
    private static final Duration ARRIVAL = Duration.ofSeconds(90);
    private static final String ID_NUMBER = "11010519491231002X";

    @TempDir
    Path dir;

    private final String kioskId = "K-IT-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> started = new ArrayList<>();
    private VirtualSerialPair scale;
    private BrokerWatcher watcher;

    @BeforeAll
    static void freshBroker() throws Exception {
        BROKER.reset();
        BROKER.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        BROKER.stop();
    }

    @BeforeEach
    void portsAndWatcher() throws Exception {
        BROKER.start();
        scale = new VirtualSerialPair(dir.resolve("agent-scale"), dir.resolve("scale"));
        scale.start();
        started.add(scale);
        watcher = new BrokerWatcher(BROKER, kioskId);
        started.add(watcher);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
    }

    @Test
    void framesOnASerialPortArriveAsContractReadingsOfTheCardHoldersSession() throws Exception {
        VirtualSerialPair cardReader = new VirtualSerialPair(dir.resolve("agent-card"), dir.resolve("card"));
        cardReader.start();
        started.add(cardReader);
        Process simulator = new ProcessBuilder(ProjectFiles.java(), "-cp", ProjectFiles.agentJar().toString(),
                "cn.sh.healthcloud.agent.simulator.Simulator", "--driver", "id-card-reader", "--port", cardReader.instrumentEnd().toString(),
                "--option", "id-number=" + ID_NUMBER, "--option", "name=张三", "--option", "present-seconds=600")
                .redirectErrorStream(true).redirectOutput(dir.resolve("simulator.log").toFile()).start();
        started.add(simulator::destroy);
        AgentProcess agent = startAgent(Map.of("id-card-reader", cardReader.agentEnd()));
        Await.until(ARRIVAL, () -> log(agent).contains("opened (resident-id-card)"), () -> log(agent));

        offer(scale, 0, 5);
        Await.until(ARRIVAL, () -> watcher.of("readings").size() >= 5, () -> watcher.all().toString());
        List<JsonNode> readings = watcher.of("readings");
        assertEquals(weights(0, 5), weightsOf(readings));
        String sessionId = readings.get(0).get("sessionId").asText();
        for (JsonNode reading : readings) {
            assertEquals(Set.of("readingId", "sessionId", "kioskId", "stationId", "takenAt", "subject", "device", "measurements"),
                    fieldNames(reading));
            UUID.fromString(reading.get("readingId").asText());
            assertEquals(sessionId, reading.get("sessionId").asText());
            assertEquals(kioskId, reading.get("kioskId").asText());
            assertTrue(reading.get("takenAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"));
            assertEquals("resident-id-card", reading.at("/subject/idType").asText());
            assertEquals(ID_NUMBER, reading.at("/subject/idNumber").asText());
            assertEquals("Tanita", reading.at("/device/vendor").asText());
            assertEquals("height-weight", reading.at("/measurements/0/type").asText());
        }
        assertFalse(log(agent).contains(ID_NUMBER), "the log never holds the ID number");
        assertFalse(log(agent).contains("张三"), "nor the name");

        agent.stop();
        Await.until(ARRIVAL, () -> !watcher.of("sessions").isEmpty(), () -> watcher.all().toString());
        JsonNode close = watcher.of("sessions").get(0);
        assertEquals(sessionId, close.get("sessionId").asText());
        List<String> listed = new ArrayList<>();
        close.get("readingIds").forEach(id -> listed.add(id.asText()));
        assertEquals(readings.stream().map(r -> r.get("readingId").asText()).toList(), listed,
                "SIGTERM closes the open session, listing exactly its readings");
        List<String> states = watcher.of("status").stream().map(s -> s.get("state").asText()).toList();
        assertEquals(List.of("online", "offline"), states, "online on connect, offline on a clean stop");
    }

    @Test
    void whenTheBrokerIsStoppedWhileReadingsAreTakenEveryReadingArrivesOnceItIsBack() throws Exception {
        AgentProcess agent = startAgent(Map.of());
        Await.until(ARRIVAL, () -> !watcher.of("status").isEmpty(), () -> log(agent));
        offer(scale, 0, 20);
        Await.until(ARRIVAL, () -> watcher.of("readings").size() >= 20, () -> watcher.all().size() + " received");

        BROKER.stop();
        offer(scale, 20, 60);
        Await.until(ARRIVAL, () -> outboxRows() == 2 * 40, () -> outboxRows() + " rows in the outbox");
        BROKER.start();

        Await.until(ARRIVAL, () -> weightsOf(watcher.of("readings")).equals(weights(0, 60)),
                () -> "missing " + missing(weights(0, 60), weightsOf(watcher.of("readings"))));
        Await.until(ARRIVAL, () -> outboxRows() == 0, () -> outboxRows() + " rows left in the outbox");
        assertEquals(60, watcher.of("sessions").stream().map(s -> s.get("sessionId").asText()).distinct().count(),
                "each anonymous reading's session was closed");
    }

    @Test
    void killedWithReadingsWrittenButNotPublishedTheRestartedAgentDeliversThemAllAndTheLastWillSaysOffline() throws Exception {
        AgentProcess agent = startAgent(Map.of());
        Await.until(ARRIVAL, () -> !watcher.of("status").isEmpty(), () -> log(agent));
        offer(scale, 0, 10);
        Await.until(ARRIVAL, () -> watcher.of("readings").size() >= 10, () -> watcher.all().size() + " received");

        BROKER.stop();
        offer(scale, 10, 50);
        Await.until(ARRIVAL, () -> outboxRows() == 2 * 40, () -> outboxRows() + " rows in the outbox");
        agent.kill();
        BROKER.start();

        scale.restartIfGone();
        AgentProcess restarted = new AgentProcess(dir.resolve("agent.json")).start();
        started.add(restarted);
        Await.until(ARRIVAL, () -> weightsOf(watcher.of("readings")).equals(weights(0, 50)),
                () -> "missing " + missing(weights(0, 50), weightsOf(watcher.of("readings"))));
        Await.until(ARRIVAL, () -> outboxRows() == 0, () -> outboxRows() + " rows left in the outbox");
        assertTrue(log(restarted).contains("80 messages waiting"), "the restarted agent replayed the outbox");

        restarted.kill();
        Await.until(ARRIVAL, () -> watcher.of("status").stream().anyMatch(s -> s.get("state").asText().equals("offline")),
                () -> "no last will after kill -9: " + watcher.all());
    }

    @Test
    void aReportPublishedToTheKioskIsPrintedOnce() throws Exception {
        AgentProcess agent = startAgent(Map.of());
        Await.until(ARRIVAL, () -> !watcher.of("status").isEmpty(), () -> log(agent));
        Await.until(ARRIVAL, () -> log(agent).contains("Connected to the broker"), () -> log(agent));
        byte[] report = """
                {"sessionId": "5d0a6f0e-8f7c-4f0e-9b0a-2d6c1f0b8a11", "kioskId": "%s", "assessedAt": "2026-11-22T01:42:30Z",
                 "level": "see-doctor", "subject": {"masked": "3101**********1238"}, "account": "stored",
                 "findings": [{"code": "bp-hypertension-grade-1", "type": "blood-pressure", "level": "see-doctor",
                               "textZh": "血压148/92 mmHg，处于1级高血压范围（≥140/90 mmHg），请到社区卫生服务中心复测，并请家庭医生诊治。"}],
                 "prescriptions": [{"kind": "diet", "code": "diet-less-salt", "textZh": "每天食盐不超过5克。"}], "readings": []}"""
                .formatted(kioskId).getBytes(StandardCharsets.UTF_8);
        watcher.publish("reports", report);
        watcher.publish("reports", report);
        byte[] next = new String(report, StandardCharsets.UTF_8).replace("5d0a6f0e", "6e1b7f1f").replace("see-doctor", "normal")
                .getBytes(StandardCharsets.UTF_8);
        watcher.publish("reports", next);
        Path receipts = dir.resolve("receipts.txt");
        Await.until(ARRIVAL, () -> printed(receipts).contains("总体评估：正常"), () -> printed(receipts));
        String text = printed(receipts);
        assertTrue(text.contains("总体评估：建议就医"), text);
        assertTrue(text.contains("证件：3101**********1238"), text);
        assertTrue(text.contains("· 饮食：每天食盐不超过5克。"), text);
        assertEquals(2, text.split("健康自测报告", -1).length - 1, "the repeated report is printed once: " + text);
    }

    private AgentProcess startAgent(Map<String, Path> moreInstruments) throws Exception {
        StringBuilder instruments = new StringBuilder("{\"driver\": \"tanita\", \"port\": \"" + scale.agentEnd()
                + "\", \"options\": {\"serial\": \"IT-1\"}}");
        moreInstruments.forEach((driver, port) -> instruments.append(", {\"driver\": \"").append(driver)
                .append("\", \"port\": \"").append(port).append("\"}"));
        Files.writeString(dir.resolve("agent.json"), """
                {"kioskId": "%s", "stationId": "310110-0123", "stationName": "定海路智慧健康小屋",
                 "broker": {"url": "%s", "maxInflight": 100},
                 "outbox": {"directory": "outbox"},
                 "session": {"idleTimeoutSeconds": 600},
                 "printer": {"output": "receipts.txt", "charset": "UTF-8"},
                 "instruments": [%s]}""".formatted(kioskId, BROKER.url(), instruments));
        AgentProcess agent = new AgentProcess(dir.resolve("agent.json")).start();
        started.add(agent);
        return agent;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Messages the agent holds on disk, in its outbox beside the configuration. */
    private long outboxRows() {
        return ScaleReadings.outboxRows(dir.resolve("outbox/outbox.db"));
    }

    private static String log(AgentProcess agent) {
        try {
            return agent.logText();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static String printed(Path receipts) {
        try {
            return Files.exists(receipts) ? Files.readString(receipts) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
