-- Targets are now owned by scanner replicas through the partitions of the compacted targets
-- topic; scheduling lives in the owner's memory, so the claim column goes away.
drop index scan_target_due;
alter table scan_target drop column next_scan_at;
alter table scan_target add column interval_seconds bigint;
alter table scan_target add column registered_by varchar(200);
alter table scan_target add column updated_at timestamptz;
update scan_target set registered_by = 'unknown', updated_at = created_at;
alter table scan_target alter column registered_by set not null;
alter table scan_target alter column updated_at set not null;
-- Other systems choose their own target ids on the topic; allow up to 200 characters.
alter table scan_target alter column id type varchar(200);
