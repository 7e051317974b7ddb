package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.account.IdentifierKind;
import cn.sh.healthcloud.account.InsuranceCardNumber;
import cn.sh.healthcloud.account.InvalidIdentifierException;
import cn.sh.healthcloud.account.NationalIdNumber;
import cn.sh.healthcloud.kiosk.Rejection.Problem;
import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementReader;
import cn.sh.healthcloud.measurement.MeasurementType;
import cn.sh.healthcloud.time.IsoOffsetDateTime;
import cn.sh.healthcloud.time.ShanghaiTime;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the kiosk messages of design §3.3 and checks everything that can be checked from the
 * message alone, reporting every problem at once. Nothing here logs or keeps a card number: a
 * problem names the field, never the value.
 */
final class KioskMessageReader {

    static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00+08:00");
    static final int MAX_MEASUREMENTS = 20;
    static final int MAX_LISTED_READINGS = 200;
    private static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private static final Set<String> READING_FIELDS = Set.of("readingId", "sessionId", "kioskId", "stationId",
            "takenAt", "subject", "device", "measurements");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private KioskMessageReader() {
    }

    /** Either what was read or why it was refused. */
    record Result<T>(T value, Rejection rejection) {
        boolean accepted() {
            return rejection == null;
        }
    }

    static boolean isValidKioskId(String id) {
        return id != null && KIOSK_ID.matcher(id).matches();
    }

    static Result<KioskReading> reading(String topicKioskId, byte[] payload, OffsetDateTime now, Duration clockSkew) {
        Map<String, Object> json;
        try {
            json = object(payload);
        } catch (IOException e) {
            return refused(Rejection.MALFORMED_JSON, topicKioskId, null, "payload", notJson(e));
        }
        List<Problem> problems = new ArrayList<>();
        UUID readingId = uuid(json, "readingId", problems);
        UUID sessionId = uuid(json, "sessionId", problems);
        Object kioskId = json.get("kioskId");
        if (kioskId == null) {
            problems.add(new Problem("kioskId", "is required"));
        } else if (!topicKioskId.equals(kioskId)) {
            problems.add(new Problem("kioskId", "must be the kiosk of the topic (" + topicKioskId + ")"));
        }
        Optional<String> stationId = Optional.empty();
        if (json.get("stationId") instanceof String station && !station.isBlank()) {
            stationId = Optional.of(station.strip());
        } else if (json.containsKey("stationId") && json.get("stationId") != null) {
            problems.add(new Problem("stationId", "must be a station id"));
        }
        OffsetDateTime takenAt = time(json, "takenAt", problems);
        if (takenAt != null && takenAt.isAfter(now.plus(clockSkew))) {
            problems.add(new Problem("takenAt", "is in the future"));
        } else if (takenAt != null && takenAt.isBefore(EARLIEST)) {
            problems.add(new Problem("takenAt", "is before 2000"));
        }
        Optional<CardSubject> subject = subject(json.get("subject"), now, problems);
        JsonObject device = device(json.get("device"), problems);
        List<Measurement> measurements = measurements(json.get("measurements"), problems);
        json.keySet().stream().filter(field -> !READING_FIELDS.contains(field)).sorted()
                .forEach(field -> problems.add(new Problem(field, "is not a field of a reading")));
        if (!problems.isEmpty()) {
            return new Result<>(null, new Rejection(Rejection.INVALID_READING, List.copyOf(problems), topicKioskId, readingId));
        }
        return new Result<>(new KioskReading(readingId, sessionId, topicKioskId, stationId, takenAt, subject, device,
                measurements), null);
    }

    static Result<SessionClose> sessionClose(String topicKioskId, byte[] payload) {
        Map<String, Object> json;
        try {
            json = object(payload);
        } catch (IOException e) {
            return refused(Rejection.MALFORMED_JSON, topicKioskId, null, "payload", notJson(e));
        }
        List<Problem> problems = new ArrayList<>();
        UUID sessionId = uuid(json, "sessionId", problems);
        if (json.containsKey("kioskId") && !topicKioskId.equals(json.get("kioskId"))) {
            problems.add(new Problem("kioskId", "must be the kiosk of the topic (" + topicKioskId + ")"));
        }
        OffsetDateTime closedAt = time(json, "closedAt", problems);
        List<UUID> readingIds = new ArrayList<>();
        if (!(json.get("readingIds") instanceof List<?> list)) {
            problems.add(new Problem("readingIds", "is required: the ids of the session's readings"));
        } else if (list.size() > MAX_LISTED_READINGS) {
            problems.add(new Problem("readingIds", "lists more than " + MAX_LISTED_READINGS + " readings"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                try {
                    readingIds.add(UUID.fromString(String.valueOf(list.get(i))));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem("readingIds[" + i + "]", "must be a UUID"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Result<>(null, new Rejection(Rejection.INVALID_SESSION, List.copyOf(problems), topicKioskId, null));
        }
        return new Result<>(new SessionClose(sessionId, topicKioskId, closedAt, List.copyOf(readingIds)), null);
    }

    /** The state of a kiosk's retained status message, if it is one we know. */
    static Optional<String> status(byte[] payload) {
        try {
            Object state = object(payload).get("state");
            return "online".equals(state) || "offline".equals(state) ? Optional.of((String) state) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> object(byte[] payload) throws IOException {
        Map<String, Object> json = JSON.readValue(payload, OBJECT);
        if (json == null) {
            throw new IOException("not a JSON object");
        }
        return json;
    }

    /** Jackson's own message quotes the offending text, which could be a card number: only say where. */
    private static String notJson(IOException e) {
        if (!(e instanceof JacksonException json) || json.getLocation() == null || json.getLocation().getLineNr() < 0) {
            return "is not a JSON object";
        }
        return "is not a JSON object (line " + json.getLocation().getLineNr() + ", column "
                + json.getLocation().getColumnNr() + ")";
    }

    private static <T> Result<T> refused(String reason, String kioskId, UUID readingId, String field, String message) {
        return new Result<>(null, Rejection.of(reason, kioskId, readingId, field, message));
    }

    private static UUID uuid(Map<String, Object> json, String field, List<Problem> problems) {
        return required(json, field, UUID::fromString, "must be a UUID", problems);
    }

    private static OffsetDateTime time(Map<String, Object> json, String field, List<Problem> problems) {
        return required(json, field, IsoOffsetDateTime::parse,
                "must be an ISO-8601 date-time with offset, e.g. 2026-11-22T09:41:07+08:00", problems);
    }

    /** A required field, read by a parser that throws on text it cannot read. */
    private static <T> T required(Map<String, Object> json, String field, java.util.function.Function<String, T> parse,
            String malformed, List<Problem> problems) {
        Object value = json.get(field);
        if (value == null) {
            problems.add(new Problem(field, "is required"));
            return null;
        }
        try {
            return parse.apply(String.valueOf(value));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add(new Problem(field, malformed));
            return null;
        }
    }

    private static Optional<CardSubject> subject(Object value, OffsetDateTime now, List<Problem> problems) {
        if (!(value instanceof Map<?, ?> subject)) {
            problems.add(new Problem("subject", "is required: {\"idType\": …, \"idNumber\": …}"));
            return Optional.empty();
        }
        Object idType = subject.get("idType");
        Object idNumber = subject.get("idNumber");
        if ("anonymous".equals(idType)) {
            if (idNumber != null) {
                problems.add(new Problem("subject.idNumber", "must be absent for an anonymous reading"));
            }
            return Optional.empty();
        }
        IdentifierKind kind = IdentifierKind.RESIDENT_ID_CARD.id().equals(idType) ? IdentifierKind.RESIDENT_ID_CARD
                : IdentifierKind.MEDICAL_INSURANCE_CARD.id().equals(idType) ? IdentifierKind.MEDICAL_INSURANCE_CARD : null;
        if (kind == null) {
            problems.add(new Problem("subject.idType", "must be resident-id-card, medical-insurance-card or anonymous"));
            return Optional.empty();
        }
        if (!(idNumber instanceof String number)) {
            problems.add(new Problem("subject.idNumber", "is required for a " + kind.id()));
            return Optional.empty();
        }
        try {
            if (kind == IdentifierKind.RESIDENT_ID_CARD) {
                NationalIdNumber id = NationalIdNumber.parse(number, now.atZoneSameInstant(ShanghaiTime.ZONE).toLocalDate());
                return Optional.of(new CardSubject(kind, id.value(), id.masked(), id.sex(), id.birthDate()));
            }
            InsuranceCardNumber card = InsuranceCardNumber.parse(number);
            return Optional.of(new CardSubject(kind, card.value(), card.masked(), null, null));
        } catch (InvalidIdentifierException e) {
            // A number that fails its check is a broken reading, not an anonymous one (design §3.3).
            problems.add(new Problem("subject.idNumber", e.getMessage()));
            return Optional.empty();
        }
    }

    private static JsonObject device(Object value, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new Problem("device", "must be an object: {\"vendor\", \"model\", \"serial\"}"));
            return null;
        }
        JsonObject device = new JsonObject();
        for (var entry : map.entrySet()) {
            String field = String.valueOf(entry.getKey());
            if (!Set.of("vendor", "model", "serial", "firmware").contains(field)) {
                problems.add(new Problem("device." + field, "is not a field of a device"));
            } else if (!(entry.getValue() instanceof String text) || text.length() > 64) {
                problems.add(new Problem("device." + field, "must be text of at most 64 characters"));
            } else {
                device.put(field, text);
            }
        }
        return device;
    }

    private static List<Measurement> measurements(Object value, List<Problem> problems) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(new Problem("measurements", "is required: at least one measurement"));
            return List.of();
        }
        if (list.size() > MAX_MEASUREMENTS) {
            problems.add(new Problem("measurements", "holds more than " + MAX_MEASUREMENTS + " measurements"));
            return List.of();
        }
        List<Measurement> measurements = new ArrayList<>();
        Set<MeasurementType> types = EnumSet.noneOf(MeasurementType.class);
        for (int i = 0; i < list.size(); i++) {
            String prefix = "measurements[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                problems.add(new Problem(prefix, "must be an object"));
                continue;
            }
            @SuppressWarnings("unchecked")
            MeasurementReader.Result read = MeasurementReader.read((Map<String, ?>) item);
            read.problems().forEach(p -> problems.add(new Problem(prefix + "." + p.field(), p.message())));
            if (read.isValid()) {
                if (!types.add(read.measurement().type())) {
                    problems.add(new Problem(prefix + ".type", "appears twice in one reading"));
                }
                measurements.add(read.measurement());
            }
        }
        return List.copyOf(measurements);
    }
}
