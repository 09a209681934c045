-- A target's own EXPIRING_SOON thresholds; null means the label rules' or the scanner's default.
alter table scan_target
    add column warning_days     integer check (warning_days between 0 and 3650),
    add column critical_days    integer check (critical_days between 0 and 3650),
    add column lifetime_percent integer check (lifetime_percent between 1 and 100);
