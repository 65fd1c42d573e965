-- The event store's own tables beside Marten's. Idempotent: run at every start.
-- The events and streams are Marten's (mt_events, mt_streams), created by Marten before this runs.

-- The stream the high-water agent fills abandoned sequence numbers into (mt_events.stream_id references mt_streams).
INSERT INTO mt_streams (id, type, version) VALUES ('$tombstone', '$tombstone', 0) ON CONFLICT DO NOTHING;

-- Audit queries by time; BRIN because timestamps grow with seq_id and it costs ingest almost nothing.
CREATE INDEX IF NOT EXISTS mt_events_timestamp_brin ON mt_events USING brin (timestamp);

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
