-- Tables of the platform module, in every service's own database (services list
-- db/platform among their Flyway locations). V0_x sorts before the services' own V1.

-- The idempotent inbox: CloudEvents a consumer has already applied.
create table processed_event (
    consumer     varchar(200) not null,
    event_id     varchar(200) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

-- The transactional outbox: events committed with a state change, waiting to be published.
create table outbox_event (
    id          bigserial    primary key,
    channel     varchar(100) not null,
    event_id    varchar(100) not null,
    event_type  varchar(200) not null,
    source      varchar(200) not null,
    subject     varchar(500),
    record_key  varchar(500),
    occurred_at timestamptz  not null,
    payload     text         not null
);
