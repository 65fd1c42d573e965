-- A database from before the move onto Marten keeps its log in events/streams. At the first start on Marten
-- (under the migration lock, before anything appends) every event moves into mt_events with its seq_id, so
-- projection floors, record ids (an alarm record's id is its seq_id) and As_Of_Sequence keep meaning the
-- same event. No ON CONFLICT: a clash means mt_events already holds other events, and the start fails loudly
-- rather than drop any. The old tables are kept, renamed, until an operator drops them.
DO $move$
DECLARE
    moved bigint;
BEGIN
    IF to_regclass('public.events') IS NULL OR to_regclass('public.streams') IS NULL THEN
        RETURN;
    END IF;

    INSERT INTO mt_streams (id, type, version, timestamp, created, is_archived)
    SELECT id, type, version, updated, created, archived FROM streams
    ON CONFLICT (id) DO UPDATE SET version = greatest(mt_streams.version, excluded.version);

    -- Tombstones of the old log had no stream row; the store's own tombstone stream holds them now.
    INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, correlation_id, causation_id, user_name, headers)
    SELECT seq_id, id, stream_id, version, data, type, timestamp, correlation_id, causation_id, user_name, headers
    FROM events ORDER BY seq_id;
    GET DIAGNOSTICS moved = ROW_COUNT;

    IF moved > 0 THEN
        PERFORM setval('mt_events_sequence', greatest((SELECT max(seq_id) FROM mt_events), (SELECT last_value FROM events_seq_id)));
    END IF;

    ALTER TABLE events RENAME TO events_before_marten;
    ALTER TABLE streams RENAME TO streams_before_marten;
    RAISE NOTICE 'moved % events into mt_events; the old tables are events_before_marten and streams_before_marten', moved;
END
$move$;
