-- Health points (健康积分) earned for self-monitoring: an append-only ledger; the balance is its sum.
-- (resident, reason, reference) is unique, so an award is granted once however often its trigger fires.

create table health_points (
    id          bigserial primary key,
    resident_id uuid not null references resident (id),
    points      integer not null,
    reason      varchar(40) not null,
    reference   varchar(64) not null,
    earned_at   timestamptz not null default now(),
    unique (resident_id, reason, reference)
);

create index health_points_resident_idx on health_points (resident_id, earned_at desc, id desc);
