-- Every measurement of a resident: from kiosks (with the reading it came from), home devices and
-- clinics. The values are one JSON object, {"numbers": {...}, "codes": {...}}, read whole.

create table observation (
    id           uuid primary key,
    resident_id  uuid not null references resident (id),
    type         varchar(30) not null,
    taken_at     timestamptz not null,
    source       varchar(10) not null check (source in ('KIOSK', 'HOME', 'CLINIC')),
    source_ref   varchar(64),
    reading_id   uuid,
    measurement  jsonb not null,
    recorded_at  timestamptz not null default now(),
    -- A kiosk reading delivered twice is stored once.
    unique (reading_id, type)
);

-- "My latest observations" and "my blood pressure over 90 days" are index range scans.
create index observation_resident_taken_idx on observation (resident_id, taken_at desc, id desc);
create index observation_resident_type_taken_idx on observation (resident_id, type, taken_at desc);
