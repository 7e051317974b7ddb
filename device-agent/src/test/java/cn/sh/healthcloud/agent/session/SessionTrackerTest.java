package cn.sh.healthcloud.agent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.sh.healthcloud.agent.outbox.Outbox;
import cn.sh.healthcloud.agent.outbox.OutboxEntry;
import cn.sh.healthcloud.agent.outbox.OutboxMessage;
import cn.sh.healthcloud.agent.outbox.PayloadSeal;
import cn.sh.healthcloud.agent.serial.InstrumentEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTrackerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID_NUMBER = "11010519491231002X";
    private static final Duration IDLE = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:41:07Z"), KioskMessages.SHANGHAI);
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private Outbox outbox;
    private SessionTracker tracker;

    @BeforeEach
    void start() throws Exception {
        outbox = Outbox.open(dir.resolve("outbox"), 2 * 1024 * 1024, PayloadSeal.fromKeyFile(dir.resolve("key")));
        tracker = new SessionTracker(new KioskMessages("K-310110-0123", "310110-0123"), outbox, IDLE, clock,
                new SessionListener() {
                    @Override
                    public void closed(UUID sessionId, Subject subject) {
                        heard.add("closed " + sessionId + " " + subject.name());
                    }

                    @Override
                    public void refused(String reasonZh) {
                        heard.add("refused " + reasonZh);
                    }
                });
    }

    @AfterEach
    void stop() throws Exception {
        outbox.close();
    }

    private static InstrumentEvent.Measured bloodPressure(int systolic) {
        return new InstrumentEvent.Measured(OffsetDateTime.parse("2026-11-22T09:41:07+08:00"),
                new InstrumentEvent.Device("VSM", "BpTRU BPM-200", "SN1"),
                List.of(Map.of("type", "blood-pressure", "systolic", systolic, "diastolic", 80, "pulse", 70, "unit", "mmHg")));
    }

    private static InstrumentEvent.CardPresented card(String number) {
        return new InstrumentEvent.CardPresented("resident-id-card", number, "张三");
    }

    /** What is on disk once everything queued so far is (the tracker does not wait for the fsync). */
    private List<JsonNode> messages(String kind) throws Exception {
        outbox.flush();
        List<JsonNode> found = new ArrayList<>();
        for (OutboxEntry entry : outbox.after(0, 1000)) {
            if (entry.topic().equals("healthcloud/kiosks/K-310110-0123/" + kind)) {
                found.add(JSON.readTree(entry.payload()));
            }
        }
        return found;
    }

    private static List<String> ids(List<JsonNode> readings) {
        return readings.stream().map(r -> r.get("readingId").asText()).toList();
    }

    private static List<String> listed(JsonNode close) {
        List<String> ids = new ArrayList<>();
        close.get("readingIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Test
    void swipeMeasureRemoveGivesTheReadingsAndACloseListingExactlyThem() throws Exception {
        tracker.accept(card(ID_NUMBER));
        tracker.accept(bloodPressure(120));
        clock.advance(Duration.ofMinutes(1));
        tracker.accept(bloodPressure(150));
        assertTrue(messages("sessions").isEmpty(), "the session is still open");
        tracker.accept(new InstrumentEvent.CardRemoved());

        List<JsonNode> readings = messages("readings");
        List<JsonNode> closes = messages("sessions");
        assertEquals(2, readings.size());
        assertEquals(1, closes.size());
        JsonNode close = closes.get(0);
        assertEquals(ids(readings), listed(close));
        String sessionId = close.get("sessionId").asText();
        readings.forEach(r -> {
            assertEquals(sessionId, r.get("sessionId").asText());
            assertEquals("resident-id-card", r.at("/subject/idType").asText());
            assertEquals(ID_NUMBER, r.at("/subject/idNumber").asText());
        });
        assertEquals("2026-11-22T09:42:07+08:00", close.get("closedAt").asText());
        assertEquals(List.of("closed " + sessionId + " 张三"), heard, "once durable, the printer learns whose report will come");
        List<OutboxEntry> order = outbox.after(0, 10);
        assertTrue(order.get(order.size() - 1).topic().endsWith("/sessions"), "the close follows its readings");
    }

    @Test
    void anIdleSessionClosesAfterTheTimeoutAndLaterMeasurementsAreAnonymous() throws Exception {
        tracker.accept(card(ID_NUMBER));
        tracker.accept(bloodPressure(120));
        clock.advance(IDLE.minusSeconds(1));
        tracker.closeIdle();
        assertTrue(messages("sessions").isEmpty());
        clock.advance(Duration.ofSeconds(1));
        tracker.closeIdle();
        assertEquals(1, messages("sessions").size());

        tracker.accept(bloodPressure(130));
        List<JsonNode> readings = messages("readings");
        assertEquals("anonymous", readings.get(1).at("/subject/idType").asText());
        assertFalse(readings.get(1).get("subject").has("idNumber"));
        assertTrue(!readings.get(0).get("sessionId").equals(readings.get(1).get("sessionId")));
    }

    @Test
    void eachAnonymousMeasurementIsASessionOfItsOwnClosedAtOnce() throws Exception {
        tracker.accept(bloodPressure(120));
        tracker.accept(bloodPressure(125));
        List<JsonNode> readings = messages("readings");
        List<JsonNode> closes = messages("sessions");
        assertEquals(2, closes.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(readings.get(i).get("sessionId"), closes.get(i).get("sessionId"));
            assertEquals(List.of(readings.get(i).get("readingId").asText()), listed(closes.get(i)));
        }
    }

    @Test
    void aCardTappedAndTakenBackBeforeMeasuringKeepsItsSessionOpen() throws Exception {
        tracker.accept(card(ID_NUMBER));
        tracker.accept(new InstrumentEvent.CardRemoved());
        tracker.accept(bloodPressure(120));
        assertEquals(ID_NUMBER, messages("readings").get(0).at("/subject/idNumber").asText());
        assertTrue(messages("sessions").isEmpty());
    }

    @Test
    void anotherCardClosesTheSessionAndTheSameCardAgainContinuesIt() throws Exception {
        tracker.accept(card(ID_NUMBER));
        tracker.accept(bloodPressure(120));
        tracker.accept(card(ID_NUMBER));
        tracker.accept(bloodPressure(121));
        assertTrue(messages("sessions").isEmpty(), "the same card again is the same resident");
        tracker.accept(card("310110195803171238"));
        tracker.accept(bloodPressure(140));
        List<JsonNode> closes = messages("sessions");
        assertEquals(1, closes.size());
        assertEquals(2, listed(closes.get(0)).size());
        assertEquals("310110195803171238", messages("readings").get(2).at("/subject/idNumber").asText());
    }

    @Test
    void overTheDiskBudgetNewSessionsAreRefusedButAnOpenSessionKeepsItsReadings() throws Exception {
        tracker.accept(card(ID_NUMBER));
        byte[] filler = new byte[8192];
        while (!outbox.overBudget()) {
            outbox.append(List.of(new OutboxMessage("filler", filler)));
        }
        tracker.accept(bloodPressure(120));
        assertEquals(1, messages("readings").size(), "the resident mid-way keeps their reading");

        tracker.accept(card("310110195803171238"));
        assertEquals(1, messages("sessions").size(), "the first resident's session is closed");
        tracker.accept(bloodPressure(130));
        assertEquals(1, messages("readings").size(), "no new session: neither the card nor a cardless measurement");
        assertEquals(1, heard.stream().filter(h -> h.startsWith("closed ")).count());
        assertEquals(2, heard.stream().filter(h -> h.startsWith("refused 本机待上传数据已满")).count(),
                "the card and the cardless measurement are refused with a reason to print");
    }
}
