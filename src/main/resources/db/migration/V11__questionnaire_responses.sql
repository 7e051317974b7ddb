-- Questionnaire responses (issue 9): a resident's answers to one version of a shipped questionnaire
-- (definitions are data in src/main/resources/questionnaires, never rows here) and what they scored.
-- The result is kept as it was given: score, band, level and prescriptions do not change when a
-- later version of the questionnaire ships.
--
-- answers:       {"given": {item id: answer}, "measured": {item id: value}}: what the resident
--                answered, and what was filled from their ID card and latest measurements.
-- prescriptions: {"items": [{"kind", "code", "textZh", "textEn"}]} (Hibernate Reactive reads JSON
--                columns as objects, not bare arrays).
-- source:        'app' now; 'kiosk' is for answers sent over MQTT, which carry the kiosk and the
--                reading they came in, so a redelivered reading is stored once.

create table questionnaire_response (
    id                    uuid primary key,
    resident_id           uuid not null references resident (id),
    questionnaire_id      varchar(40) not null,
    version               integer not null check (version > 0),
    answers               jsonb not null,
    score                 integer not null,
    band                  varchar(40) not null,
    level                 varchar(20) not null check (level in ('NORMAL', 'ATTENTION', 'SEE_DOCTOR', 'URGENT')),
    prescriptions         jsonb not null,
    urgent                boolean not null,
    -- Whether the urgent finding reached a family doctor's work list (false without a signed doctor).
    family_doctor_alerted boolean not null default false,
    source                varchar(10) not null check (source in ('app', 'kiosk')),
    kiosk_id              varchar(64),
    reading_id            uuid unique,
    answered_at           timestamptz not null,
    recorded_at           timestamptz not null default now(),
    check ((source = 'kiosk') = (reading_id is not null)),
    check (source = 'kiosk' or kiosk_id is null)
);

-- "My responses, newest first", and the same for one questionnaire (also the latest of each for GET /api/me).
create index questionnaire_response_resident_idx on questionnaire_response (resident_id, answered_at desc, id desc);
create index questionnaire_response_resident_questionnaire_idx
    on questionnaire_response (resident_id, questionnaire_id, answered_at desc, id desc);

-- An alert raised by a response (PHQ-9 item 9) points at it, as a reading's alert points at its observation.
alter table alert add column questionnaire_response_id uuid references questionnaire_response (id);
alter table alert add constraint alert_one_cause check (observation_id is null or questionnaire_response_id is null);
