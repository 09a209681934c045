-- Chains, their providers and HTTP APIs (issue 4). The source of truth for probing is the
-- compacted chain-targets topic; these tables serve the REST API on every replica.
create table chain (
    id                 varchar(100) primary key,
    name               varchar(200) not null,
    family             varchar(20)  not null,
    expected_chain_id  varchar(100) not null,
    block_time_millis  bigint       not null check (block_time_millis > 0),
    labels             jsonb        not null default '{}'::jsonb,
    thresholds         jsonb        not null default '{}'::jsonb,
    registered_by      varchar(200) not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);

-- url and headers may hold API keys: the REST API masks the URL and never returns header values.
create table chain_provider (
    id                 varchar(100)  primary key,
    chain_id           varchar(100)  not null references chain (id) on delete cascade,
    name               varchar(200)  not null,
    family             varchar(20)   not null,
    url                varchar(2000) not null,
    headers            jsonb         not null default '{}'::jsonb,
    interval_seconds   bigint,
    timeout_millis     bigint,
    thresholds         jsonb         not null default '{}'::jsonb,
    labels             jsonb         not null default '{}'::jsonb,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null
);

create index chain_provider_chain on chain_provider (chain_id, created_at);

create table chain_api (
    id                 varchar(100)  primary key,
    name               varchar(200)  not null,
    chain_id           varchar(100),
    url                varchar(2000) not null,
    method             varchar(10)   not null,
    body               text,
    headers            jsonb         not null default '{}'::jsonb,
    expected_status    integer       not null,
    json_path          varchar(500),
    expected_value     varchar(500),
    max_latency_millis bigint,
    interval_seconds   bigint,
    timeout_millis     bigint,
    labels             jsonb         not null default '{}'::jsonb,
    registered_by      varchar(200)  not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null
);

-- The latest observation of every provider and API (the ChainHealthObserved event as JSON),
-- written by the replica that owns it, so that any replica can answer GET .../health.
create table chain_probe_status (
    probe_id     varchar(100) not null,
    kind         varchar(10)  not null check (kind in ('PROVIDER', 'API')),
    chain_id     varchar(100) not null,
    observed_at  timestamptz  not null,
    status       varchar(10)  not null,
    observation  text         not null,
    primary key (kind, probe_id)
);

create index chain_probe_status_chain on chain_probe_status (chain_id);

-- The latest ranking of every chain, as computed by its owner.
create table chain_ranking (
    chain_id     varchar(100) primary key,
    ranking      text         not null,
    healthy      text         not null,
    computed_at  timestamptz  not null
);
