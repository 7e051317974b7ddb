package cn.sh.healthcloud.kiosk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The agent's "this resident is done" message: the session and every reading it sent in it. */
record SessionClose(UUID sessionId, String kioskId, OffsetDateTime closedAt, List<UUID> readingIds) {
}
