package cn.sh.healthcloud.account;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.persistence.DatabaseJsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes into residents' accounts inside a caller's SQL transaction, many rows per statement.
 * Kiosk ingestion stores thousands of readings a second in batches; through Hibernate each row
 * would cost an entity, a flush and a statement of its own.
 */
@ApplicationScoped
public class AccountRecords {

    private final AccountConfig.Points points;

    AccountRecords(AccountConfig config) {
        this.points = config.points();
    }

    /** An account found by the keyed hash of one of its identifiers, with what the ID card says. */
    public record ResidentMatch(UUID residentId, IdentifierKind kind, byte[] lookup, NationalIdNumber.Sex sex,
            LocalDate birthDate) {
    }

    /** One measurement of a kiosk reading, for a resident's account. */
    public record KioskObservation(UUID residentId, UUID readingId, String kioskId, OffsetDateTime takenAt,
            Measurement measurement) {
    }

    /** A finding that goes to the resident's family doctor's work list. */
    public record AlertDraft(UUID residentId, UUID observationId, String code, String textZh, String textEn) {
    }

    /**
     * The observation a kiosk reading's measurement becomes: the same id every time it is stored, so a
     * redelivered reading, or one attached to its account later, never makes a second.
     */
    public static UUID observationIdOf(UUID readingId, String type) {
        return UUID.nameUUIDFromBytes((readingId + "/" + type).getBytes(StandardCharsets.UTF_8));
    }

    public Uni<List<ResidentMatch>> residentsByLookup(SqlClient sql, List<byte[]> nationalIds, List<byte[]> cards) {
        if (nationalIds.isEmpty() && cards.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return sql.preparedQuery("""
                select id, national_id_lookup, insurance_card_lookup, sex, birth_date from resident
                where national_id_lookup = any($1) or insurance_card_lookup = any($2)""")
                .execute(Tuple.of(buffers(nationalIds), buffers(cards)))
                .map(rows -> {
                    List<ResidentMatch> found = new ArrayList<>();
                    rows.forEach(row -> {
                        UUID id = row.getUUID("id");
                        NationalIdNumber.Sex sex = row.getString("sex") == null ? null
                                : NationalIdNumber.Sex.valueOf(row.getString("sex"));
                        LocalDate birth = row.getLocalDate("birth_date");
                        io.vertx.mutiny.core.buffer.Buffer national = row.getBuffer("national_id_lookup");
                        io.vertx.mutiny.core.buffer.Buffer card = row.getBuffer("insurance_card_lookup");
                        if (national != null) {
                            found.add(new ResidentMatch(id, IdentifierKind.RESIDENT_ID_CARD, national.getBytes(), sex, birth));
                        }
                        if (card != null) {
                            found.add(new ResidentMatch(id, IdentifierKind.MEDICAL_INSURANCE_CARD, card.getBytes(), sex, birth));
                        }
                    });
                    return found;
                });
    }

    /** Stores kiosk measurements as observations; ones already stored are left as they are. */
    public Uni<Void> addKioskObservations(SqlClient sql, List<KioskObservation> observations) {
        if (observations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = observations.size();
        UUID[] ids = new UUID[n];
        UUID[] residents = new UUID[n];
        String[] types = new String[n];
        OffsetDateTime[] takenAt = new OffsetDateTime[n];
        String[] kiosks = new String[n];
        UUID[] readings = new UUID[n];
        JsonObject[] values = new JsonObject[n];
        for (int i = 0; i < n; i++) {
            KioskObservation o = observations.get(i);
            ids[i] = observationIdOf(o.readingId(), o.measurement().type().id());
            residents[i] = o.residentId();
            types[i] = o.measurement().type().id();
            takenAt[i] = o.takenAt();
            kiosks[i] = o.kioskId();
            readings[i] = o.readingId();
            values[i] = JsonObject.mapFrom(ObservationValues.of(o.measurement()));
        }
        return sql.preparedQuery("""
                insert into observation (id, resident_id, type, taken_at, source, source_ref, reading_id, measurement)
                select id, resident_id, type, taken_at, 'KIOSK', source_ref, reading_id, measurement
                from unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::timestamptz[], $5::varchar[], $6::uuid[], $7::jsonb[])
                     as t(id, resident_id, type, taken_at, source_ref, reading_id, measurement)
                on conflict do nothing""")
                .execute(Tuple.tuple(List.of(ids, residents, types, takenAt, kiosks, readings, values)))
                .replaceWithVoid();
    }

    /** The report of one kiosk session, for the account of the resident it belongs to. */
    public record SessionReport(UUID reportId, UUID residentId, UUID sessionId, String kioskId, OffsetDateTime createdAt,
            ReportLevel level, ReportContent content) {
    }

    /** One kiosk check-up that earns its resident health points. */
    public record CheckUp(UUID residentId, UUID sessionId) {
    }

    /** Files kiosk sessions' reports in their residents' accounts, at most one per session, in one statement. */
    public Uni<Void> fileSessionReports(SqlClient sql, List<SessionReport> reports) {
        if (reports.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = reports.size();
        UUID[] ids = new UUID[n];
        UUID[] residents = new UUID[n];
        UUID[] sessions = new UUID[n];
        String[] kiosks = new String[n];
        OffsetDateTime[] createdAt = new OffsetDateTime[n];
        String[] levels = new String[n];
        String[] contents = new String[n];
        for (int i = 0; i < n; i++) {
            SessionReport r = reports.get(i);
            ids[i] = r.reportId();
            residents[i] = r.residentId();
            sessions[i] = r.sessionId();
            kiosks[i] = r.kioskId();
            createdAt[i] = r.createdAt();
            levels[i] = r.level().name();
            try {
                contents[i] = DatabaseJsonFormat.MAPPER.writeValueAsString(r.content());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A report that cannot be written as JSON", e);
            }
        }
        // The content goes as text and becomes jsonb in PostgreSQL: no second parse here.
        return sql.preparedQuery("""
                insert into report (id, resident_id, session_id, source_ref, created_at, level, content)
                select id, resident_id, session_id, source_ref, created_at, level, content::jsonb
                from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::timestamptz[], $6::varchar[], $7::text[])
                     as t(id, resident_id, session_id, source_ref, created_at, level, content)
                on conflict (session_id) do nothing""")
                .execute(Tuple.tuple(List.of(ids, residents, sessions, kiosks, createdAt, levels, contents)))
                .replaceWithVoid();
    }

    /**
     * Alerts for the residents' family doctors, for those who have one; returns, for each alert
     * raised, the district of the doctor's station.
     */
    public Uni<List<String>> raiseAlerts(SqlClient sql, OffsetDateTime at, List<AlertDraft> drafts) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = drafts.size();
        UUID[] ids = new UUID[n];
        UUID[] residents = new UUID[n];
        UUID[] observations = new UUID[n];
        String[] codes = new String[n];
        String[] zh = new String[n];
        String[] en = new String[n];
        for (int i = 0; i < n; i++) {
            AlertDraft d = drafts.get(i);
            ids[i] = UUID.randomUUID();
            residents[i] = d.residentId();
            observations[i] = d.observationId();
            codes[i] = d.code();
            zh[i] = truncate(d.textZh());
            en[i] = truncate(d.textEn());
        }
        return sql.preparedQuery("""
                with raised as (
                    insert into alert (id, resident_id, practitioner_id, observation_id, created_at, code, text_zh, text_en)
                    select a.id, c.resident_id, c.practitioner_id, o.id, $1, a.code, a.text_zh, a.text_en
                    from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::varchar[], $6::varchar[], $7::varchar[])
                         as a(id, resident_id, observation_id, code, text_zh, text_en)
                    join family_doctor_contract c on c.resident_id = a.resident_id and c.ended_at is null
                    left join observation o on o.id = a.observation_id
                    returning practitioner_id)
                select left(p.station_id, 6) as district from raised join practitioner p on p.id = raised.practitioner_id""")
                .execute(Tuple.tuple(List.of(at, ids, residents, observations, codes, zh, en)))
                .map(rows -> {
                    List<String> districts = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> districts.add(row.getString("district")));
                    return districts;
                });
    }

    /** The health points of kiosk check-ups, once per session. */
    public Uni<Void> awardKioskCheckUps(SqlClient sql, List<CheckUp> checkUps) {
        if (points.kioskCheckUp() == 0 || checkUps.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] residents = checkUps.stream().map(CheckUp::residentId).toArray(UUID[]::new);
        String[] sessions = checkUps.stream().map(c -> c.sessionId().toString()).toArray(String[]::new);
        return sql.preparedQuery("""
                insert into health_points (resident_id, points, reason, reference)
                select resident_id, $1, $2, reference from unnest($3::uuid[], $4::varchar[]) as t(resident_id, reference)
                on conflict (resident_id, reason, reference) do nothing""")
                .execute(Tuple.of(points.kioskCheckUp(), HealthPoints.KIOSK_CHECK_UP, residents, sessions))
                .replaceWithVoid();
    }

    private static Buffer[] buffers(List<byte[]> bytes) {
        return bytes.stream().map(Buffer::buffer).toArray(Buffer[]::new);
    }

    private static String truncate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
