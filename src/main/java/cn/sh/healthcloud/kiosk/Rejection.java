package cn.sh.healthcloud.kiosk;

import java.util.List;
import java.util.UUID;

/**
 * Why a message could not be accepted: a reason code (the metric's tag and what the kiosk is told)
 * and every problem found. Kept in rejected_message and published to .../rejected.
 */
record Rejection(String reason, List<Problem> problems, String kioskId, UUID readingId) {

    static final String TOO_LARGE = "too-large";
    static final String MALFORMED_JSON = "malformed-json";
    static final String INVALID_READING = "invalid-reading";
    static final String INVALID_SESSION = "invalid-session";
    static final String UNKNOWN_KIOSK = "unknown-kiosk";
    static final String RETIRED_KIOSK = "retired-kiosk";
    static final String UNKNOWN_TOPIC = "unknown-topic";
    static final String STORAGE_REFUSED = "storage-refused";

    /** One problem with one field, e.g. {@code measurements[0].systolic}: "must be between 50 and 300 mmHg". */
    record Problem(String field, String message) {
    }

    static Rejection of(String reason, String kioskId, UUID readingId, String field, String message) {
        return new Rejection(reason, List.of(new Problem(field, message)), kioskId, readingId);
    }
}
