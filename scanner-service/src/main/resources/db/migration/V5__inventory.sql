-- Certificate inventory: every certificate the scanner has read, from any source, once.
-- Identity is the SHA-256 fingerprint of the DER encoding; the key (spki_sha256) and
-- issuer + serial are indexed for the cross-checks and look-ups.
create table inventory_certificate (
    sha256                 char(64)      primary key,
    spki_sha256            char(64)      not null,
    subject                varchar(2000) not null,
    issuer                 varchar(2000) not null,
    serial_number          varchar(128)  not null,
    not_before             timestamptz   not null,
    not_after              timestamptz   not null,
    public_key_algorithm   varchar(50),
    public_key_bits        integer,
    signature_algorithm    varchar(100),
    subject_alt_names      jsonb         not null default '[]'::jsonb,
    self_signed            boolean       not null,
    certificate_authority  boolean       not null,
    -- SHA-256 of the normalised SAN set (or subject): certificates with the same key are renewals
    name_key               char(64)      not null,
    first_seen             timestamptz   not null,
    last_seen              timestamptz   not null,
    -- codes of the latest findings at its current locations plus the cross-check findings
    finding_codes          jsonb         not null default '[]'::jsonb,
    -- full cross-check findings (RENEWED_NOT_DEPLOYED, KEY_REUSED)
    cross_findings         jsonb         not null default '[]'::jsonb
);

create index inventory_certificate_spki on inventory_certificate (spki_sha256);
create index inventory_certificate_issuer_serial on inventory_certificate (issuer, serial_number);
create index inventory_certificate_name_key on inventory_certificate (name_key);
create index inventory_certificate_not_after on inventory_certificate (not_after, sha256);
create index inventory_certificate_findings on inventory_certificate using gin (finding_codes jsonb_path_ops);

-- Where a certificate was seen: one row per certificate and target.
create table inventory_location (
    id                  bigserial     primary key,
    certificate_sha256  char(64)      not null references inventory_certificate (sha256) on delete cascade,
    target_id           varchar(100)  not null,
    kind                varchar(30)   not null,
    host                varchar(253),
    port                integer,
    server_name         varchar(253),
    address             varchar(64),
    path                varchar(4096),
    namespace           varchar(253),
    name                varchar(253),
    chain_position      integer       not null,
    labels              jsonb         not null default '{}'::jsonb,
    -- false once the latest scan of the target no longer saw this certificate there
    current             boolean       not null,
    first_seen          timestamptz   not null,
    last_seen           timestamptz   not null,
    last_scan_id        varchar(36)   not null,
    last_findings       jsonb         not null default '[]'::jsonb,
    unique (certificate_sha256, target_id)
);

create index inventory_location_target on inventory_location (target_id) where current;
create index inventory_location_kind on inventory_location (kind, certificate_sha256);
create index inventory_location_object on inventory_location (kind, namespace, name) where current;
create index inventory_location_labels on inventory_location using gin (labels jsonb_path_ops);

-- Scan history: one row per location per scan, the newest rows per location kept.
create table inventory_scan (
    id                  bigserial     primary key,
    location_id         bigint        not null references inventory_location (id) on delete cascade,
    certificate_sha256  char(64)      not null,
    target_id           varchar(100)  not null,
    scan_id             varchar(36)   not null,
    scanned_at          timestamptz   not null,
    outcome             varchar(20)   not null,
    unreachable_reason  varchar(30),
    findings            jsonb         not null default '[]'::jsonb
);

create index inventory_scan_location on inventory_scan (location_id, id);
create index inventory_scan_certificate on inventory_scan (certificate_sha256, scanned_at desc);
