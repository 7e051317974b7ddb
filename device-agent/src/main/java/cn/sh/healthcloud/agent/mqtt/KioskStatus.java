package cn.sh.healthcloud.agent.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The retained presence message of design §3.3: {@code {"state": "online"|"offline", ...}}. */
final class KioskStatus {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final ObjectMapper JSON = new ObjectMapper();

    private KioskStatus() {
    }

    static byte[] online(String kioskId, String stationId, OffsetDateTime since) {
        return json("online", kioskId, stationId, since);
    }

    /** The last will carries no time: the broker sends it whenever it notices the kiosk gone. */
    static byte[] offlineWill(String kioskId, String stationId) {
        return json("offline", kioskId, stationId, null);
    }

    static byte[] offline(String kioskId, String stationId, OffsetDateTime since) {
        return json("offline", kioskId, stationId, since);
    }

    private static byte[] json(String state, String kioskId, String stationId, OffsetDateTime since) {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("state", state);
        status.put("kioskId", kioskId);
        status.put("stationId", stationId);
        if (since != null) {
            status.put("since", TIME.format(since.atZoneSameInstant(ZoneId.of("Asia/Shanghai"))));
        }
        try {
            return JSON.writeValueAsBytes(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("text always serialises", e);
        }
    }
}
