package cn.sh.healthcloud.agent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.sh.healthcloud.agent.outbox.OutboxMessage;
import cn.sh.healthcloud.agent.serial.InstrumentEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The messages against design §3.3 and the checks of the service's KioskMessageReader: exactly the
 * fields of a reading, UUIDs, times with offset, the kiosk of the topic, no idNumber when anonymous,
 * device fields as text only.
 */
class KioskMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
    private static final Set<String> READING_FIELDS = Set.of("readingId", "sessionId", "kioskId", "stationId",
            "takenAt", "subject", "device", "measurements");

    private final KioskMessages messages = new KioskMessages("K-310110-0123", "310110-0123");

    private static InstrumentEvent.Measured bodyComposition(OffsetDateTime takenAt, InstrumentEvent.Device device) {
        return new InstrumentEvent.Measured(takenAt, device,
                List.of(Map.of("type", "body-composition", "weightKg", 71.4, "bodyFatPercent", 27.9, "heightCm", 168.0)));
    }

    @Test
    void aCardReadingHasExactlyTheContractFields() throws Exception {
        UUID readingId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        OutboxMessage message = messages.reading(readingId, sessionId,
                new Subject("resident-id-card", "11010519491231002X", "张三"),
                bodyComposition(OffsetDateTime.parse("2026-11-22T01:41:07Z"), new InstrumentEvent.Device("Tanita", "MC-780", "A1")),
                OffsetDateTime.parse("2026-11-22T09:45:00+08:00"));
        assertEquals("healthcloud/kiosks/K-310110-0123/readings", message.topic());
        JsonNode reading = JSON.readTree(message.payload());
        assertEquals(READING_FIELDS, fields(reading));
        assertEquals(readingId, UUID.fromString(reading.get("readingId").asText()));
        assertEquals(sessionId, UUID.fromString(reading.get("sessionId").asText()));
        assertEquals("K-310110-0123", reading.get("kioskId").asText());
        assertEquals("310110-0123", reading.get("stationId").asText());
        assertEquals("2026-11-22T09:41:07+08:00", reading.get("takenAt").asText(), "Asia/Shanghai, with offset");
        assertEquals(Set.of("idType", "idNumber"), fields(reading.get("subject")));
        assertEquals("11010519491231002X", reading.at("/subject/idNumber").asText());
        assertTrue(!reading.toString().contains("张三"), "the name stays on the kiosk");
        assertEquals(Set.of("vendor", "model", "serial"), fields(reading.get("device")));
        assertEquals("body-composition", reading.at("/measurements/0/type").asText());
        assertEquals(71.4, reading.at("/measurements/0/weightKg").asDouble());
    }

    @Test
    void anAnonymousReadingHasNoNumberAndLeavesOutWhatTheInstrumentDidNotSay() throws Exception {
        JsonNode reading = JSON.readTree(messages.reading(UUID.randomUUID(), UUID.randomUUID(), Subject.anonymous(),
                bodyComposition(null, new InstrumentEvent.Device("Tanita", "WB-3000", null)),
                OffsetDateTime.parse("2026-11-22T09:45:00+08:00")).payload());
        assertEquals(Set.of("idType"), fields(reading.get("subject")));
        assertEquals("anonymous", reading.at("/subject/idType").asText());
        assertEquals(Set.of("vendor", "model"), fields(reading.get("device")), "the service refuses a null device field");
        assertEquals("2026-11-22T09:45:00+08:00", reading.get("takenAt").asText(), "no instrument time: when it arrived");
        assertTrue(TIME.matcher(reading.get("takenAt").asText()).matches());
    }

    @Test
    void aCloseListsTheSessionsReadings() throws Exception {
        UUID sessionId = UUID.randomUUID();
        List<UUID> readingIds = List.of(UUID.randomUUID(), UUID.randomUUID());
        OutboxMessage message = messages.close(sessionId, OffsetDateTime.parse("2026-11-22T01:50:00Z"), readingIds);
        assertEquals("healthcloud/kiosks/K-310110-0123/sessions", message.topic());
        JsonNode close = JSON.readTree(message.payload());
        assertEquals(Set.of("sessionId", "kioskId", "closedAt", "readingIds"), fields(close));
        assertEquals(sessionId.toString(), close.get("sessionId").asText());
        assertEquals("2026-11-22T09:50:00+08:00", close.get("closedAt").asText());
        assertEquals(readingIds.get(0).toString(), close.at("/readingIds/0").asText());
        assertEquals(readingIds.get(1).toString(), close.at("/readingIds/1").asText());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
