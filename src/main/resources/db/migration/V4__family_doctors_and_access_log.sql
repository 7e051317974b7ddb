-- Family doctors and "1+1+1" contracts, and the log of who read whose health data.

alter table resident add column display_name varchar(100);

-- A family doctor, known by their OIDC subject, working at a community health centre.
create table practitioner (
    id          uuid primary key,
    subject     varchar(255) not null unique,
    name        varchar(100) not null,
    station_id  varchar(32) not null references station (id),
    created_at  timestamptz not null default now()
);

create table family_doctor_contract (
    id                  uuid primary key,
    resident_id         uuid not null references resident (id),
    practitioner_id     uuid not null references practitioner (id),
    community_centre_id varchar(32) not null references station (id),
    district_hospital   varchar(100) not null,
    city_hospital       varchar(100) not null,
    priority_groups     jsonb not null,
    signed_at           timestamptz not null default now(),
    ended_at            timestamptz,
    end_reason          varchar(200),
    version             integer not null default 0
);

-- One active contract per resident, enforced by the database even when two signings race.
create unique index contract_one_active_per_resident on family_doctor_contract (resident_id) where ended_at is null;
create index contract_active_by_practitioner on family_doctor_contract (practitioner_id) where ended_at is null;

-- Every read of a person's data by someone else. Append-only; the person reads their own.
create table access_log (
    id               bigserial primary key,
    resident_id      uuid not null references resident (id),
    accessor_subject varchar(255) not null,
    accessor_name    varchar(100),
    accessor_role    varchar(30) not null,
    what             varchar(60) not null,
    why              varchar(60) not null,
    accessed_at      timestamptz not null default now()
);
create index access_log_resident_idx on access_log (resident_id, accessed_at desc);
