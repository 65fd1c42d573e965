-- The event store's own tables beside Marten's. Idempotent: run at every start.
-- The events and streams are Marten's (mt_events, mt_streams), created by Marten before this runs.

-- The stream the project's own high-water agent (before Marten's daemon) filled abandoned sequence numbers into;
-- a database from then keeps those rows (mt_events.stream_id references mt_streams).
INSERT INTO mt_streams (id, type, version) VALUES ('$tombstone', '$tombstone', 0) ON CONFLICT DO NOTHING;

-- Audit queries by time; BRIN because timestamps grow with seq_id and it costs ingest almost nothing.
CREATE INDEX IF NOT EXISTS mt_events_timestamp_brin ON mt_events USING brin (timestamp);

-- What operators ask of each processor: a pause, a blue/green rebuild and its progress. How far each processor
-- has applied the log is Marten's (mt_event_progression, one row per shard '<name>:All'). The rows are created by
-- ProjectionSchema for every processor this build registers.
CREATE TABLE IF NOT EXISTS projection_control (
    name                    text        PRIMARY KEY,
    kind                    text        NOT NULL,
    paused                  boolean     NOT NULL DEFAULT false,
    rebuild_requested_at    timestamptz NULL,
    rebuild_state           text        NULL,
    rebuild_floor           bigint      NULL,
    rebuild_target_seq_id   bigint      NULL,
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
