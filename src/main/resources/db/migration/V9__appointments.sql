-- Appointments: schedules published by stations, the slots they materialise for a rolling window,
-- bookings (table appointment), the idempotency records of booking requests, and closures.
-- Capacity is enforced by a conditional UPDATE of the slot's counters in the booking statement;
-- the CHECKs below are the last line of defence, never the mechanism.

create table appointment_schedule (
    id                              uuid primary key,
    station_id                      varchar(32) not null references station (id),
    service                         varchar(40) not null,
    practitioner_name               varchar(100),
    weekdays                        smallint[] not null,   -- ISO: 1 = Monday ... 7 = Sunday
    sessions                        jsonb not null,        -- [{"opens": "08:00", "closes": "11:30"}, ...]
    slot_minutes                    integer not null check (slot_minutes between 5 and 480),
    capacity                        integer not null check (capacity between 1 and 10000),
    referral_quota                  integer not null check (referral_quota between 0 and capacity),
    booking_opens_before_minutes    integer not null check (booking_opens_before_minutes > 0),
    booking_closes_before_minutes   integer not null check (booking_closes_before_minutes >= 0),
    referral_release_before_minutes integer not null check (referral_release_before_minutes >= 0),
    valid_from                      date not null,
    valid_until                     date,
    created_by                      varchar(255) not null,
    created_at                      timestamptz not null default now(),
    check (valid_until is null or valid_until >= valid_from)
);
create index appointment_schedule_station_idx on appointment_schedule (station_id);

-- One row per bookable time. booked counts every active booking (public and referral);
-- referral_booked those taken from the referral quota. The booking windows are copied from the
-- schedule, so the booking statement compares times and never joins.
-- fillfactor leaves room on each page so the counter updates stay HOT (no index churn).
create table appointment_slot (
    id                  bigint generated always as identity primary key,
    schedule_id         uuid not null references appointment_schedule (id),
    station_id          varchar(32) not null,
    service             varchar(40) not null,
    day                 date not null,                  -- Asia/Shanghai
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    practitioner_name   varchar(100),
    capacity            integer not null,
    referral_quota      integer not null,
    booked              integer not null default 0,
    referral_booked     integer not null default 0,
    booking_opens_at    timestamptz not null,
    booking_closes_at   timestamptz not null,
    referral_release_at timestamptz not null,
    closed_reason       varchar(200),                   -- set when a closure took the slot away
    unique (schedule_id, starts_at),
    check (booked between 0 and capacity),
    check (referral_booked between 0 and least(referral_quota, booked))
) with (fillfactor = 70);
create index appointment_slot_availability_idx on appointment_slot (station_id, service, day, starts_at);

create table appointment (
    id                uuid primary key,
    slot_id           bigint not null references appointment_slot (id),
    resident_id       uuid not null references resident (id),
    station_id        varchar(32) not null,
    service           varchar(40) not null,
    day               date not null,
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    practitioner_name varchar(100),
    status            varchar(24) not null
                      check (status in ('BOOKED', 'CHECKED_IN', 'NO_SHOW', 'CANCELLED', 'CANCELLED_BY_STATION')),
    referred_by       uuid references practitioner (id),   -- set for a family doctor's referral
    created_at        timestamptz not null,
    cancelled_at      timestamptz,
    cancel_reason     varchar(200),
    checked_in_at     timestamptz,
    no_show_at        timestamptz
);
-- One active booking per resident, service and day, whatever the concurrency.
create unique index appointment_one_active_per_service_day
    on appointment (resident_id, service, day) where status in ('BOOKED', 'CHECKED_IN');
create index appointment_resident_idx on appointment (resident_id, starts_at);
create index appointment_slot_idx on appointment (slot_id);
create index appointment_no_show_idx on appointment (resident_id, no_show_at) where status = 'NO_SHOW';

-- A booking request's Idempotency-Key, per caller. appointment_id is the id the first request
-- booked (or would have); outcome_* hold its refusal, so a retry gets the same answer.
create table appointment_request (
    caller_subject   varchar(255) not null,
    idempotency_key  varchar(100) not null,
    request_hash     varchar(64) not null,
    appointment_id   uuid not null,
    outcome_status   smallint,
    outcome_kind     varchar(40),
    outcome_detail   varchar(300),
    created_at       timestamptz not null,
    primary key (caller_subject, idempotency_key)
);
create index appointment_request_created_idx on appointment_request (created_at);

-- A station (or one of its services) not taking appointments on some days: slots there are
-- closed and their bookings cancelled with the reason, which the resident sees.
create table appointment_closure (
    id          uuid primary key,
    station_id  varchar(32) not null references station (id),
    service     varchar(40),                -- null: every service
    from_day    date not null,
    to_day      date not null,
    reason      varchar(200) not null,
    created_by  varchar(255) not null,
    created_at  timestamptz not null default now(),
    check (to_day >= from_day)
);
create index appointment_closure_station_idx on appointment_closure (station_id, to_day);
