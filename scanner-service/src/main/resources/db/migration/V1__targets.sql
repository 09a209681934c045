-- scanner-service owns this database; no other service reads it.
create table scan_target (
    id                        varchar(36) primary key,
    host                      varchar(253) not null,
    port                      integer      not null check (port between 1 and 65535),
    server_name               varchar(253),
    labels                    jsonb        not null default '{}'::jsonb,
    created_at                timestamptz  not null,
    next_scan_at              timestamptz  not null,
    last_scan_id              varchar(36),
    last_scanned_at           timestamptz,
    last_outcome              varchar(20),
    last_unreachable_reason   varchar(30),
    last_detail               varchar(1000),
    last_protocol             varchar(20),
    last_earliest_not_after   timestamptz,
    last_days_left            bigint,
    last_findings             jsonb        not null default '[]'::jsonb
);

create index scan_target_due on scan_target (next_scan_at);
