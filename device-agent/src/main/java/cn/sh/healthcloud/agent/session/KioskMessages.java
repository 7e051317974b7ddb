package cn.sh.healthcloud.agent.session;

import cn.sh.healthcloud.agent.mqtt.KioskTopics;
import cn.sh.healthcloud.agent.outbox.OutboxMessage;
import cn.sh.healthcloud.agent.serial.InstrumentEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The kiosk → service messages of design §3.3 (a reading, a session's close), as JSON for the outbox. */
public final class KioskMessages {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** ISO-8601 with offset, whole seconds: 2026-11-22T09:41:07+08:00. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kioskId;
    private final String stationId;
    private final KioskTopics topics;

    public KioskMessages(String kioskId, String stationId) {
        this.kioskId = kioskId;
        this.stationId = stationId;
        this.topics = new KioskTopics(kioskId);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reading(String readingId, String sessionId, String kioskId, String stationId, String takenAt,
            Map<String, Object> subject, Map<String, String> device, List<Map<String, Object>> measurements) {
    }

    record Close(String sessionId, String kioskId, String closedAt, List<String> readingIds) {
    }

    OutboxMessage reading(UUID readingId, UUID sessionId, Subject subject, InstrumentEvent.Measured measured,
            OffsetDateTime receivedAt) {
        OffsetDateTime takenAt = measured.takenAt() != null ? measured.takenAt() : receivedAt;
        return new OutboxMessage(topics.readings(), json(new Reading(readingId.toString(), sessionId.toString(), kioskId,
                stationId, time(takenAt), subject.json(), device(measured.device()), measured.measurements())));
    }

    OutboxMessage close(UUID sessionId, OffsetDateTime closedAt, List<UUID> readingIds) {
        return new OutboxMessage(topics.sessions(), json(new Close(sessionId.toString(), kioskId, time(closedAt),
                readingIds.stream().map(UUID::toString).toList())));
    }

    static String time(OffsetDateTime time) {
        return TIME.format(time.atZoneSameInstant(SHANGHAI));
    }

    /** The service refuses a device field that is not text, so absent fields are left out, not null. */
    private static Map<String, String> device(InstrumentEvent.Device device) {
        if (device == null) {
            return null;
        }
        Map<String, String> json = new LinkedHashMap<>();
        if (device.vendor() != null) {
            json.put("vendor", device.vendor());
        }
        if (device.model() != null) {
            json.put("model", device.model());
        }
        if (device.serial() != null) {
            json.put("serial", device.serial());
        }
        return json.isEmpty() ? null : json;
    }

    private static byte[] json(Object message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a measurement holds a value JSON cannot carry", e);
        }
    }
}
