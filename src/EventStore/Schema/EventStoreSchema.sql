-- The event store's own tables. Idempotent: run at every start.
CREATE SEQUENCE IF NOT EXISTS events_seq_id AS bigint;

CREATE TABLE IF NOT EXISTS streams (
    id          text        PRIMARY KEY,
    type        text        NULL,
    version     bigint      NOT NULL,
    created     timestamptz NOT NULL DEFAULT now(),
    updated     timestamptz NOT NULL DEFAULT now(),
    archived    boolean     NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS events (
    seq_id          bigint      PRIMARY KEY,
    id              uuid        NOT NULL,
    stream_id       text        NOT NULL,
    version         bigint      NOT NULL,
    type            text        NOT NULL,
    data            jsonb       NOT NULL,
    timestamp       timestamptz NOT NULL DEFAULT now(),
    correlation_id  text        NULL,
    causation_id    text        NULL,
    user_name       text        NULL,
    headers         jsonb       NULL,
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);

-- Audit queries by time; BRIN because timestamps grow with seq_id and it costs ingest almost nothing.
CREATE INDEX IF NOT EXISTS events_timestamp_brin ON events USING brin (timestamp);

CREATE TABLE IF NOT EXISTS progression (
    name                    text        PRIMARY KEY,
    kind                    text        NOT NULL,
    last_seq_id             bigint      NOT NULL DEFAULT 0,
    state                   text        NOT NULL DEFAULT 'running',
    rebuild_requested_at    timestamptz NULL,
    rebuild_target_seq_id   bigint      NULL,
    heartbeat               timestamptz NULL,
    last_error              text        NULL,
    updated                 timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS inbox (
    source          text        NOT NULL,
    external_id     text        NOT NULL,
    payload_hash    text        NOT NULL,
    received        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, external_id)
);

CREATE TABLE IF NOT EXISTS dead_letters (
    id          bigserial   PRIMARY KEY,
    projection  text        NOT NULL,
    seq_id      bigint      NOT NULL,
    event_type  text        NOT NULL,
    error       text        NOT NULL,
    created     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dead_letters_once UNIQUE (projection, seq_id)
);

CREATE TABLE IF NOT EXISTS high_water_skips (
    seq_id          bigint      PRIMARY KEY,
    gap_first_seen  timestamptz NOT NULL,
    skipped_at      timestamptz NOT NULL DEFAULT now()
);
