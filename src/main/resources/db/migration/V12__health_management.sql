-- Health management (issue 9): conditions recorded by the family doctor, each resident's current
-- class with its reasons and plan, and the doctor's follow-ups.

-- A condition as the signed family doctor recorded it. code is one of the fixed list in
-- cn.sh.healthcloud.assessment.stratification.ConditionCode. One record per condition that is not
-- resolved: a second "hypertension" is a change of the first (PATCH), not a new row.
create table resident_condition (
    id              uuid primary key,
    resident_id     uuid not null references resident (id),
    code            varchar(40) not null,
    status          varchar(12) not null check (status in ('active', 'recovering', 'resolved')),
    since           date not null,
    note            varchar(500),
    practitioner_id uuid not null references practitioner (id),
    recorded_at     timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer not null default 0
);
create unique index resident_condition_one_open_per_code on resident_condition (resident_id, code)
    where status <> 'resolved';
create index resident_condition_resident_idx on resident_condition (resident_id, recorded_at);

-- The resident's class as last computed (recomputed after each change of what it is computed from).
-- reasons: {"items": [{"code", "textZh", "textEn"}]}; plan: the management plan (monitor, intervals).
-- follow_up_days is the plan's, kept as a column so the doctor's panel can sort by overdue in SQL.
create table resident_stratification (
    resident_id    uuid primary key references resident (id),
    health_class   varchar(12) not null check (health_class in ('ill', 'recovering', 'higher-risk', 'healthy')),
    reasons        jsonb not null,
    plan           jsonb not null,
    follow_up_days integer not null check (follow_up_days > 0),
    computed_at    timestamptz not null
);

-- A follow-up the family doctor held (随访): the latest one is when the next falls due from.
create table follow_up (
    id              uuid primary key,
    resident_id     uuid not null references resident (id),
    practitioner_id uuid not null references practitioner (id),
    held_on         date not null,
    note            varchar(500),
    recorded_at     timestamptz not null default now()
);
create index follow_up_resident_idx on follow_up (resident_id, held_on desc);
