package cn.sh.healthcloud.appointment;

/**
 * The booking statement and what explains its refusals. A booking is ONE statement, atomic on its
 * own (no explicit transaction, one round trip): it records the Idempotency-Key, takes a place with
 * a conditional UPDATE of the slot's counters (the row lock serialises racing bookings of a slot,
 * and the condition re-checked under it means capacity is never exceeded), and inserts the booking.
 * If the key is already taken, or any rule fails, the UPDATE matches nothing and nothing is
 * inserted; a second active booking of the day breaks a unique index and rolls the whole
 * statement back. Hibernate would need a transaction and several round trips for the same.
 */
final class BookingStatements {

    private BookingStatements() {
    }

    /**
     * $1 resident, $2 slot, $3 new appointment id, $4 now, $5 Idempotency-Key (or null), $6 caller,
     * $7 request hash, $8 no-show limit, $9 no-shows counted since, $10 suspended if the last is after,
     * $11 referring practitioner (or null), $12 referral (take from the quota).
     * Public bookings leave the referral places still held (until referral_release_at) untouched.
     */
    static final String BOOK = """
            with request as (
                insert into appointment_request (caller_subject, idempotency_key, request_hash, appointment_id, created_at)
                select $6, $5, $7, $3, $4 where $5::varchar is not null
                on conflict do nothing
                returning 1),
            taken as (
                update appointment_slot s
                set booked = s.booked + 1, referral_booked = s.referral_booked + (case when $12 then 1 else 0 end)
                where s.id = $2 and s.closed_reason is null and s.starts_at > $4
                  and $4 >= s.booking_opens_at and $4 < s.booking_closes_at
                  and (case when $12 then s.booked < s.capacity and s.referral_booked < s.referral_quota
                            else s.booked + (case when $4 < s.referral_release_at
                                                  then greatest(s.referral_quota - s.referral_booked, 0) else 0 end)
                                 < s.capacity end)
                  and ($5::varchar is null or exists (select 1 from request))
                  and not exists (select 1 from appointment a
                                  where a.resident_id = $1 and a.status = 'NO_SHOW' and a.no_show_at > $9
                                  having count(*) >= $8 and max(a.no_show_at) > $10)
                returning s.id, s.station_id, s.service, s.day, s.starts_at, s.ends_at, s.practitioner_name)
            insert into appointment (id, slot_id, resident_id, station_id, service, day, starts_at, ends_at,
                                     practitioner_name, status, referred_by, created_at)
            select $3, t.id, $1, t.station_id, t.service, t.day, t.starts_at, t.ends_at, t.practitioner_name, 'BOOKED',
                   $11, $4
            from taken t
            returning\s""" + AppointmentView.COLUMNS;

    /** Why a booking was refused: the slot as it is now, and the resident's recent no-shows ($3 since). */
    static final String DIAGNOSE = """
            select s.closed_reason, s.starts_at, s.booking_opens_at, s.booking_closes_at,
                   (select count(*) from appointment a
                    where a.resident_id = $2 and a.status = 'NO_SHOW' and a.no_show_at > $3) as no_shows,
                   (select max(a.no_show_at) from appointment a
                    where a.resident_id = $2 and a.status = 'NO_SHOW' and a.no_show_at > $3) as last_no_show
            from appointment_slot s where s.id = $1""";

    static final String REQUEST = """
            select request_hash, appointment_id, outcome_status, outcome_kind, outcome_detail
            from appointment_request where caller_subject = $1 and idempotency_key = $2""";

    /** Remembers a refusal for the key; never overwrites another request's record. */
    static final String RECORD_OUTCOME = """
            insert into appointment_request (caller_subject, idempotency_key, request_hash, appointment_id, created_at,
                                             outcome_status, outcome_kind, outcome_detail)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (caller_subject, idempotency_key) do update
            set outcome_status = excluded.outcome_status, outcome_kind = excluded.outcome_kind,
                outcome_detail = excluded.outcome_detail
            where appointment_request.appointment_id = excluded.appointment_id""";

    static final String BY_ID = "select resident_id, " + AppointmentView.COLUMNS + " from appointment where id = $1";

    /** Gives the place back in the statement that cancels, so counts and bookings never disagree. */
    static final String CANCEL = """
            with cancelled as (
                update appointment set status = 'CANCELLED', cancelled_at = $2
                where id = $1 and status = 'BOOKED'
                returning slot_id, referred_by)
            update appointment_slot s
            set booked = s.booked - 1, referral_booked = s.referral_booked - (case when c.referred_by is null then 0 else 1 end)
            from cancelled c where s.id = c.slot_id
            returning s.id""";

    static final String CHECK_IN = """
            update appointment set status = 'CHECKED_IN', checked_in_at = $2 where id = $1 and status = 'BOOKED'""";

    static final String NO_SHOW = """
            update appointment set status = 'NO_SHOW', no_show_at = $2 where id = $1 and status = 'BOOKED'""";

    static final String UPCOMING = "select " + AppointmentView.COLUMNS + """
             from appointment where resident_id = $1 and starts_at >= $2
            order by starts_at, id limit $3 offset $4""";

    static final String PAST = "select " + AppointmentView.COLUMNS + """
             from appointment where resident_id = $1 and starts_at < $2
            order by starts_at desc, id desc limit $3 offset $4""";

    static final String FORGET_REQUESTS = "delete from appointment_request where created_at < $1";
}
