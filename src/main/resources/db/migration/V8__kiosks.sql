-- Kiosks of smart-health stations, and everything they send over MQTT (design §3.3): readings
-- (stored once per readingId), the sessions they form (assessed once), messages that could not be
-- accepted (kept with the reason), and card numbers no account has linked yet (kept sealed).

create table kiosk (
    id               varchar(32) primary key,
    station_id       varchar(32) not null references station (id),
    label            varchar(100),
    registered_at    timestamptz not null default now(),
    retired_at       timestamptz,
    state            varchar(10) not null default 'unknown' check (state in ('unknown', 'online', 'offline')),
    state_changed_at timestamptz
);
create index kiosk_station_idx on kiosk (station_id);

-- A card number seen at a kiosk that no account has linked: sealed with the account keys (the
-- pending subject's id is the owner bound into the ciphertext), found by the same keyed hash.
create table pending_subject (
    id          uuid primary key,
    kind        varchar(30) not null,
    lookup      bytea not null,
    key_id      varchar(32) not null,
    sealed      bytea not null,
    created_at  timestamptz not null default now(),
    attached_to uuid references resident (id),
    attached_at timestamptz,
    unique (kind, lookup)
);
create index pending_subject_open_idx on pending_subject (lookup) where attached_to is null;

-- Every accepted reading, whoever it belongs to: a resident, a pending subject, or nobody
-- (anonymous). Its measurements are also observations in the resident's account.
create table kiosk_reading (
    reading_id         uuid primary key,
    kiosk_id           varchar(32) not null references kiosk (id),
    station_id         varchar(32) not null references station (id),
    session_id         uuid not null,
    taken_at           timestamptz not null,
    received_at        timestamptz not null default now(),
    subject_kind       varchar(10) not null check (subject_kind in ('resident', 'pending', 'anonymous')),
    resident_id        uuid references resident (id),
    pending_subject_id uuid references pending_subject (id),
    -- From the ID card number, so an anonymous-to-the-service reading can still be assessed by age/sex.
    subject_sex        varchar(6) check (subject_sex in ('FEMALE', 'MALE')),
    subject_birth_date date,
    subject_masked     varchar(20),
    device             jsonb,
    measurements       jsonb not null,
    -- A pending reading keeps its pending subject once attached to the account that linked the card.
    check ((subject_kind = 'resident') = (resident_id is not null)),
    check (subject_kind <> 'pending' or pending_subject_id is not null)
);
create index kiosk_reading_session_idx on kiosk_reading (session_id);
create index kiosk_reading_pending_idx on kiosk_reading (pending_subject_id) where pending_subject_id is not null;
create index kiosk_reading_station_taken_idx on kiosk_reading (station_id, taken_at);

-- A resident's visit to a kiosk. Closed by the agent's session message (which lists its readings)
-- or by the server-side timeout; assessed exactly once; its report is published to the kiosk
-- until the broker has acknowledged it.
create table kiosk_session (
    session_id          uuid primary key,
    kiosk_id            varchar(32) not null references kiosk (id),
    opened_at           timestamptz not null default now(),
    closed_at           timestamptz,
    close_received_at   timestamptz,
    listed_readings     uuid[],
    assessed_at         timestamptz,
    report_id           uuid,
    level               varchar(20),
    kiosk_report        jsonb,
    report_published_at timestamptz
);
create index kiosk_session_open_idx on kiosk_session (opened_at) where assessed_at is null;
create index kiosk_session_unpublished_idx on kiosk_session (assessed_at) where assessed_at is not null and report_published_at is null;

-- A message that could not be accepted, with why. The payload is kept with card numbers masked.
create table rejected_message (
    id          uuid primary key,
    received_at timestamptz not null default now(),
    topic       varchar(255) not null,
    kiosk_id    varchar(64),
    reading_id  uuid,
    reason      varchar(40) not null,
    problems    jsonb not null,
    payload     text
);
create index rejected_message_received_idx on rejected_message (received_at desc);
create index rejected_message_reading_idx on rejected_message (reading_id) where reading_id is not null;
