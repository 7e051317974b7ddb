-- District dashboards (design §3.2). The figures live in Redis and are reconciled with these tables:
-- every few seconds the rows that arrived in the last settled interval are counted by the time the
-- database gave them, so each kind of row needs an index on that time.

-- The measurement kinds of an assessed session, and those whose finding was not normal: the
-- abnormal rate by kind counts sessions, not raw numbers.
alter table kiosk_session add column measured_kinds varchar(30)[];
alter table kiosk_session add column abnormal_kinds varchar(30)[];

create index kiosk_reading_received_idx on kiosk_reading (received_at);
create index kiosk_session_assessed_idx on kiosk_session (assessed_at) where assessed_at is not null;
create index alert_created_idx on alert (created_at);
create index alert_acknowledged_idx on alert (acknowledged_at) where acknowledged_at is not null;
create index contract_signed_idx on family_doctor_contract (signed_at);
create index contract_ended_idx on family_doctor_contract (ended_at) where ended_at is not null;
create index appointment_slot_day_idx on appointment_slot (day);
create index appointment_no_show_day_idx on appointment (day) where status = 'NO_SHOW';
