package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.account.AccountRecords;
import cn.sh.healthcloud.account.AccountRecords.KioskObservation;
import cn.sh.healthcloud.account.AccountRecords.ResidentMatch;
import cn.sh.healthcloud.account.IdentifierKind;
import cn.sh.healthcloud.account.IdentifierProtection;
import cn.sh.healthcloud.measurement.Measurement;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes one batch of kiosk messages in one transaction, a statement per kind of row: kiosks
 * checked, card numbers resolved through their keyed hash (to an account, or to a sealed pending
 * subject), readings inserted unless their readingId is already stored, their measurements added
 * to the residents' accounts, sessions opened or closed, and refused messages recorded. Rows are
 * written in key order so that concurrent batches never wait on each other in a cycle.
 */
@ApplicationScoped
class ReadingBatchWriter {

    /** What a committed batch did. */
    record Outcome(int stored, int duplicates, int closes, List<Rejection> rejections, Set<UUID> sessions,
            KioskReadingsStored storedReadings) {
    }

    private final Pool pool;
    private final AccountRecords accounts;
    private final IdentifierProtection protection;

    ReadingBatchWriter(Pool pool, AccountRecords accounts, IdentifierProtection protection) {
        this.pool = pool;
        this.accounts = accounts;
        this.protection = protection;
    }

    Uni<Outcome> write(List<PendingMessage> batch) {
        return pool.withTransaction(sql -> new Write(sql, batch).run());
    }

    /** The database refused the data itself (a constraint or a value): retrying the same rows cannot help. */
    static boolean isRefusedData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** A kiosk as registered. */
    private record Kiosk(String stationId, boolean retired) {
    }

    /** Who a stored reading belongs to. */
    private record Owner(String kind, UUID residentId, UUID pendingId) {
        static final Owner ANONYMOUS = new Owner("anonymous", null, null);
    }

    private final class Write {
        private final SqlClient sql;
        private final List<PendingMessage> batch;
        private final List<KioskReading> readings = new ArrayList<>();
        private final List<SessionClose> closes = new ArrayList<>();
        private final List<PendingMessage> refused = new ArrayList<>();
        private final Map<String, Kiosk> kiosks = new HashMap<>();
        private final Map<String, Owner> owners = new HashMap<>();
        /** Each carded reading's card key (kind and keyed hash), hashed once per reading. */
        private final Map<UUID, String> cardKeys = new HashMap<>();
        /** The database's time of the insert, the same for every row of the transaction. */
        private OffsetDateTime receivedAt;

        Write(SqlClient sql, List<PendingMessage> batch) {
            this.sql = sql;
            this.batch = batch;
        }

        Uni<Outcome> run() {
            return loadKiosks().chain(this::sortOut)
                    .chain(this::resolveSubjects)
                    .chain(this::insertReadings)
                    .chain(inserted -> addObservations(inserted)
                            .chain(() -> openSessions(inserted))
                            .chain(this::closeSessions)
                            .chain(this::recordRefused)
                            .map(v -> outcome(inserted)));
        }

        private Uni<Void> loadKiosks() {
            Set<String> ids = new HashSet<>();
            batch.forEach(m -> {
                if (m.reading() != null) {
                    ids.add(m.reading().kioskId());
                } else if (m.close() != null) {
                    ids.add(m.close().kioskId());
                }
            });
            if (ids.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return sql.preparedQuery("select id, station_id, retired_at is not null as retired from kiosk where id = any($1)")
                    .execute(Tuple.of(ids.toArray(String[]::new)))
                    .invoke(rows -> rows.forEach(row -> kiosks.put(row.getString("id"),
                            new Kiosk(row.getString("station_id"), row.getBoolean("retired")))))
                    .replaceWithVoid();
        }

        /** Readings and closes of known, active kiosks go on; the others become rejections. */
        private Uni<Void> sortOut() {
            for (PendingMessage m : batch) {
                if (m.rejection() != null) {
                    refused.add(m);
                    continue;
                }
                String kioskId = m.reading() != null ? m.reading().kioskId() : m.close().kioskId();
                UUID readingId = m.reading() != null ? m.reading().readingId() : null;
                Kiosk kiosk = kiosks.get(kioskId);
                if (kiosk == null || kiosk.retired()) {
                    refused.add(m.refused(Rejection.of(kiosk == null ? Rejection.UNKNOWN_KIOSK : Rejection.RETIRED_KIOSK,
                            kioskId, readingId, "kioskId", kiosk == null ? "is not a registered kiosk" : "is retired")));
                } else if (m.reading() != null && m.reading().stationId().filter(s -> !s.equals(kiosk.stationId())).isPresent()) {
                    refused.add(m.refused(Rejection.of(Rejection.INVALID_READING, kioskId, readingId, "stationId",
                            "is not the station of kiosk " + kioskId + " (" + kiosk.stationId() + ")")));
                } else if (m.reading() != null) {
                    readings.add(m.reading());
                } else {
                    closes.add(m.close());
                }
            }
            return Uni.createFrom().voidItem();
        }

        private Uni<Void> resolveSubjects() {
            // Distinct cards of the batch, by kind and keyed hash; the number itself goes no further.
            Map<String, CardSubject> cards = new TreeMap<>();
            Map<String, byte[]> lookups = new HashMap<>();
            for (KioskReading r : readings) {
                r.subject().ifPresent(card -> {
                    byte[] lookup = protection.lookupHash(card.kind(), card.number());
                    String key = key(card.kind().id(), lookup);
                    cardKeys.put(r.readingId(), key);
                    cards.putIfAbsent(key, card);
                    lookups.putIfAbsent(key, lookup);
                });
            }
            if (cards.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<byte[]> nationalIds = new ArrayList<>();
            List<byte[]> insuranceCards = new ArrayList<>();
            cards.forEach((key, card) -> (card.kind() == IdentifierKind.RESIDENT_ID_CARD ? nationalIds : insuranceCards)
                    .add(lookups.get(key)));
            return accounts.residentsByLookup(sql, nationalIds, insuranceCards).chain(found -> {
                for (ResidentMatch match : found) {
                    owners.put(key(match.kind().id(), match.lookup()), new Owner("resident", match.residentId(), null));
                }
                List<String> unknown = cards.keySet().stream().filter(key -> !owners.containsKey(key)).toList();
                return unknown.isEmpty() ? Uni.createFrom().voidItem() : pendingSubjects(unknown, cards, lookups);
            });
        }

        /** Cards no account has linked yet: kept sealed under a pending subject, created on first sight. */
        private Uni<Void> pendingSubjects(List<String> keys, Map<String, CardSubject> cards, Map<String, byte[]> lookups) {
            int n = keys.size();
            UUID[] ids = new UUID[n];
            String[] kinds = new String[n];
            Buffer[] hashes = new Buffer[n];
            String[] keyIds = new String[n];
            Buffer[] sealed = new Buffer[n];
            for (int i = 0; i < n; i++) {
                CardSubject card = cards.get(keys.get(i));
                ids[i] = UUID.randomUUID();
                kinds[i] = card.kind().id();
                hashes[i] = Buffer.buffer(lookups.get(keys.get(i)));
                IdentifierProtection.Sealed seal = protection.seal(card.kind(), ids[i].toString(), card.number());
                keyIds[i] = seal.keyId();
                sealed[i] = Buffer.buffer(seal.bytes());
            }
            return sql.preparedQuery("""
                    insert into pending_subject (id, kind, lookup, key_id, sealed)
                    select * from unnest($1::uuid[], $2::varchar[], $3::bytea[], $4::varchar[], $5::bytea[])
                         as t(id, kind, lookup, key_id, sealed)
                    order by kind, lookup
                    on conflict (kind, lookup) do nothing""")
                    .execute(Tuple.of(ids, kinds, hashes, keyIds, sealed))
                    .chain(() -> sql.preparedQuery("select id, kind, lookup, attached_to from pending_subject where lookup = any($1)")
                            .execute(Tuple.of(hashes)))
                    .invoke(rows -> rows.forEach(row -> {
                        String key = key(row.getString("kind"), row.getBuffer("lookup").getBytes());
                        UUID attachedTo = row.getUUID("attached_to");
                        // Linked since the lookup above ran: the account it went to owns the reading.
                        owners.put(key, attachedTo != null ? new Owner("resident", attachedTo, null)
                                : new Owner("pending", null, row.getUUID("id")));
                    }))
                    .replaceWithVoid();
        }

        private Owner ownerOf(KioskReading r) {
            String key = cardKeys.get(r.readingId());
            return key == null ? Owner.ANONYMOUS : owners.get(key);
        }

        /** The ids of the readings this batch stored for the first time. */
        private Uni<Set<UUID>> insertReadings() {
            if (readings.isEmpty()) {
                return Uni.createFrom().item(Set.of());
            }
            List<KioskReading> ordered = readings.stream().sorted(Comparator.comparing(KioskReading::readingId)).toList();
            int n = ordered.size();
            UUID[] ids = new UUID[n];
            String[] kioskIds = new String[n];
            String[] stations = new String[n];
            UUID[] sessions = new UUID[n];
            OffsetDateTime[] takenAt = new OffsetDateTime[n];
            String[] kinds = new String[n];
            UUID[] residents = new UUID[n];
            UUID[] pending = new UUID[n];
            String[] sexes = new String[n];
            LocalDate[] births = new LocalDate[n];
            String[] masked = new String[n];
            JsonObject[] devices = new JsonObject[n];
            JsonObject[] measurements = new JsonObject[n];
            for (int i = 0; i < n; i++) {
                KioskReading r = ordered.get(i);
                Owner owner = ownerOf(r);
                ids[i] = r.readingId();
                kioskIds[i] = r.kioskId();
                stations[i] = kiosks.get(r.kioskId()).stationId();
                sessions[i] = r.sessionId();
                takenAt[i] = r.takenAt();
                kinds[i] = owner.kind();
                residents[i] = owner.residentId();
                pending[i] = owner.pendingId();
                sexes[i] = r.subject().map(CardSubject::sex).map(Enum::name).orElse(null);
                births[i] = r.subject().map(CardSubject::birthDate).orElse(null);
                masked[i] = r.subject().map(CardSubject::masked).orElse(null);
                devices[i] = r.device();
                measurements[i] = StoredMeasurements.toJson(r.measurements());
            }
            return sql.preparedQuery("""
                    insert into kiosk_reading (reading_id, kiosk_id, station_id, session_id, taken_at, subject_kind,
                        resident_id, pending_subject_id, subject_sex, subject_birth_date, subject_masked, device, measurements)
                    select * from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[], $5::timestamptz[],
                        $6::varchar[], $7::uuid[], $8::uuid[], $9::varchar[], $10::date[], $11::varchar[], $12::jsonb[],
                        $13::jsonb[])
                    on conflict (reading_id) do nothing
                    returning reading_id, received_at""")
                    .execute(Tuple.tuple(List.of(ids, kioskIds, stations, sessions, takenAt, kinds, residents, pending,
                            sexes, births, masked, devices, measurements)))
                    .map(rows -> {
                        Set<UUID> inserted = new HashSet<>();
                        for (Row row : rows) {
                            inserted.add(row.getUUID("reading_id"));
                            receivedAt = row.getOffsetDateTime("received_at");
                        }
                        return inserted;
                    });
        }

        private Uni<Void> addObservations(Set<UUID> inserted) {
            List<KioskObservation> observations = new ArrayList<>();
            for (KioskReading r : readings) {
                Owner owner = ownerOf(r);
                if (owner.residentId() != null && inserted.contains(r.readingId())) {
                    for (Measurement m : r.measurements()) {
                        observations.add(new KioskObservation(owner.residentId(), r.readingId(), r.kioskId(), r.takenAt(), m));
                    }
                }
            }
            return accounts.addKioskObservations(sql, observations);
        }

        private Uni<Void> openSessions(Set<UUID> inserted) {
            Map<UUID, String> sessions = new TreeMap<>();
            readings.stream().filter(r -> inserted.contains(r.readingId()))
                    .forEach(r -> sessions.putIfAbsent(r.sessionId(), r.kioskId()));
            if (sessions.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return sql.preparedQuery("""
                    insert into kiosk_session (session_id, kiosk_id)
                    select * from unnest($1::uuid[], $2::varchar[]) as t(session_id, kiosk_id)
                    on conflict (session_id) do nothing""")
                    .execute(Tuple.of(sessions.keySet().toArray(UUID[]::new), sessions.values().toArray(String[]::new)))
                    .replaceWithVoid();
        }

        /** A close may come before, after or between its readings, and more than once: the first one counts. */
        private Uni<Void> closeSessions() {
            if (closes.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Map<UUID, SessionClose> ordered = new TreeMap<>();
            closes.forEach(c -> ordered.putIfAbsent(c.sessionId(), c));
            List<Tuple> tuples = ordered.values().stream()
                    .map(c -> Tuple.of(c.sessionId(), c.kioskId(), c.closedAt(), c.readingIds().toArray(UUID[]::new)))
                    .toList();
            return sql.preparedQuery("""
                    insert into kiosk_session (session_id, kiosk_id, closed_at, close_received_at, listed_readings)
                    values ($1, $2, $3, now(), $4)
                    on conflict (session_id) do update set
                        closed_at = coalesce(kiosk_session.closed_at, excluded.closed_at),
                        close_received_at = coalesce(kiosk_session.close_received_at, excluded.close_received_at),
                        listed_readings = coalesce(kiosk_session.listed_readings, excluded.listed_readings)""")
                    .executeBatch(tuples)
                    .replaceWithVoid();
        }

        private Uni<Void> recordRefused() {
            if (refused.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            int n = refused.size();
            UUID[] ids = new UUID[n];
            String[] topics = new String[n];
            String[] kioskIds = new String[n];
            UUID[] readingIds = new UUID[n];
            String[] reasons = new String[n];
            JsonObject[] problems = new JsonObject[n];
            String[] payloads = new String[n];
            for (int i = 0; i < n; i++) {
                PendingMessage m = refused.get(i);
                Rejection r = m.rejection();
                ids[i] = UUID.randomUUID();
                topics[i] = clip(m.topic(), 255);
                kioskIds[i] = clip(r.kioskId(), 64);
                readingIds[i] = r.readingId();
                reasons[i] = r.reason();
                JsonArray list = new JsonArray();
                r.problems().forEach(p -> list.add(new JsonObject().put("field", clip(p.field(), 200))
                        .put("message", clip(p.message(), 500))));
                problems[i] = new JsonObject().put("problems", list);
                payloads[i] = PayloadRedaction.redact(m.payload());
            }
            return sql.preparedQuery("""
                    insert into rejected_message (id, topic, kiosk_id, reading_id, reason, problems, payload)
                    select * from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[], $5::varchar[],
                        $6::jsonb[], $7::text[])""")
                    .execute(Tuple.tuple(List.of(ids, topics, kioskIds, readingIds, reasons, problems, payloads)))
                    .replaceWithVoid();
        }

        private Outcome outcome(Set<UUID> inserted) {
            Set<UUID> sessions = new HashSet<>();
            readings.stream().filter(r -> inserted.contains(r.readingId())).forEach(r -> sessions.add(r.sessionId()));
            closes.forEach(c -> sessions.add(c.sessionId()));
            List<KioskReadingsStored.Reading> stored = new ArrayList<>(inserted.size());
            Set<UUID> counted = new HashSet<>();
            for (KioskReading r : readings) {
                if (inserted.contains(r.readingId()) && counted.add(r.readingId())) {
                    Owner owner = ownerOf(r);
                    UUID subject = owner.residentId() != null ? owner.residentId() : owner.pendingId();
                    stored.add(new KioskReadingsStored.Reading(kiosks.get(r.kioskId()).stationId(),
                            subject == null ? null : subject.toString()));
                }
            }
            return new Outcome(inserted.size(), readings.size() - inserted.size(), closes.size(),
                    refused.stream().map(PendingMessage::rejection).toList(), sessions,
                    new KioskReadingsStored(receivedAt, stored));
        }
    }

    private static String key(String kind, byte[] lookup) {
        return kind + ":" + HexFormat.of().formatHex(lookup);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
