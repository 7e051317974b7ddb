package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.measurement.Measurement;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A reading that passed every check of its message alone (design §3.3); the kiosk is checked when it is stored. */
record KioskReading(UUID readingId, UUID sessionId, String kioskId, Optional<String> stationId, OffsetDateTime takenAt,
        Optional<CardSubject> subject, JsonObject device, List<Measurement> measurements) {
}
