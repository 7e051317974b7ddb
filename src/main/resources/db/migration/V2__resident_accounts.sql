-- Resident health accounts, tied to the OIDC subject. Identifiers are stored sealed (AES-GCM, with
-- the id of the key that sealed them), found through a keyed hash (HMAC-SHA256), and displayed
-- from a stored masked form so that showing an account never decrypts anything.

create table resident (
    id                    uuid primary key,
    subject               varchar(255) not null unique,
    national_id_key_id    varchar(32),
    national_id_sealed    bytea,
    national_id_lookup    bytea unique,
    national_id_masked    varchar(18),
    birth_date            date,
    sex                   varchar(6) check (sex in ('FEMALE', 'MALE')),
    insurance_card_key_id varchar(32),
    insurance_card_sealed bytea,
    insurance_card_lookup bytea unique,
    insurance_card_masked varchar(20),
    created_at            timestamptz not null default now(),
    version               integer not null default 0,
    check ((national_id_sealed is null) = (national_id_lookup is null)),
    check ((insurance_card_sealed is null) = (insurance_card_lookup is null))
);
