-- Family doctors' alert work list: urgent readings of their signed residents, acknowledged with a note.

create table alert (
    id                   uuid primary key,
    resident_id          uuid not null references resident (id),
    practitioner_id      uuid not null references practitioner (id),
    observation_id       uuid references observation (id),
    created_at           timestamptz not null,
    code                 varchar(40) not null,
    text_zh              varchar(200) not null,
    text_en              varchar(200) not null,
    acknowledged_at      timestamptz,
    acknowledgement_note varchar(500)
);

create index alert_open_idx on alert (practitioner_id, created_at desc) where acknowledged_at is null;
create index alert_all_idx on alert (practitioner_id, created_at desc);
