-- The station directory: one row per facility. What it offers and when (services, weekly hours,
-- dated closures) is one JSON document, read and written whole; search runs on an in-memory index
-- of all active stations, so nothing queries inside it.

create table station (
    id            varchar(32)  primary key,
    type          varchar(40)  not null,
    name          varchar(100) not null,
    district      varchar(6)   not null,
    street        varchar(50),
    address       varchar(200) not null,
    lat           double precision not null check (lat between -90 and 90),
    lon           double precision not null check (lon between -180 and 180),
    phone         varchar(20),
    parent_id     varchar(32) references station (id),
    profile       jsonb not null,
    status        varchar(10) not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
    closed_reason varchar(200),
    version       integer not null default 0,
    -- Set by the database so that every replica's index refresh compares one clock.
    updated_at    timestamptz not null default clock_timestamp()
);

create index station_updated_at_idx on station (updated_at);
create index station_district_idx on station (district);
create index station_parent_idx on station (parent_id);

create function station_touch() returns trigger language plpgsql as $$
begin
    new.updated_at := clock_timestamp();
    return new;
end $$;

create trigger station_touch before insert or update on station
    for each row execute function station_touch();

-- Station ids are "<district>-<serial>"; the serial is allocated per district, atomically.
create table station_id_counter (
    district    varchar(6) primary key,
    last_serial integer not null
);
