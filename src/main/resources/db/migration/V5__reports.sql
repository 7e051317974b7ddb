-- Reports: an assessment of a kiosk session (or a clinic visit) with findings, an overall level and
-- health prescriptions (健康处方). Written by the assessment of kiosk sessions; read here.

create table report (
    id            uuid primary key,
    resident_id   uuid not null references resident (id),
    session_id    uuid unique,
    source_ref    varchar(64),
    created_at    timestamptz not null,
    level         varchar(20) not null check (level in ('NORMAL', 'ATTENTION', 'SEE_DOCTOR', 'URGENT')),
    content       jsonb not null
);

create index report_resident_created_idx on report (resident_id, created_at desc, id desc);
