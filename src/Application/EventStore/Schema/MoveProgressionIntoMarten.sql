-- A database from before Marten's async daemon keeps each processor's floor in progression. At the first start
-- with Marten's daemon (under the migration lock, before the daemon starts) every floor becomes the shard's
-- progress in mt_event_progression, the high-water mark Marten's, and an operator's pause a paused control row,
-- so no processor applies an event a second time and none skips one. The old table is kept, renamed.
DO $move$
BEGIN
    IF to_regclass('public.progression') IS NULL THEN
        RETURN;
    END IF;

    INSERT INTO mt_event_progression (name, last_seq_id, last_updated)
    SELECT name || ':All', last_seq_id, now() FROM progression WHERE kind IN ('projection', 'reactor')
    ON CONFLICT (name) DO NOTHING;

    INSERT INTO mt_event_progression (name, last_seq_id, last_updated)
    SELECT 'HighWaterMark', last_seq_id, now() FROM progression WHERE name = '$high_water'
    ON CONFLICT (name) DO NOTHING;

    INSERT INTO projection_control (name, kind, paused)
    SELECT name, kind, state = 'paused' FROM progression WHERE kind IN ('projection', 'reactor')
    ON CONFLICT (name) DO NOTHING;

    ALTER TABLE progression RENAME TO progression_before_marten_daemon;
    RAISE NOTICE 'moved the floors of progression into mt_event_progression';
END
$move$;
