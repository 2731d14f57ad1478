-- The sequencer found the events still to number through a partial index on id, from the
-- lowest id up. Every event it numbered left a dead entry at that low end until VACUUM came,
-- and each turn stepped over all of them again: after a bulk job, milliseconds a turn.
--
-- Each event now carries the transaction that wrote it (pg_current_xact_id(), which also
-- gives the transaction its id if it had none yet). After a turn that numbered every event it
-- could see, every event written by a transaction older than that turn's snapshot xmin is
-- numbered: such a transaction had ended before the turn looked, so its events were visible
-- to it. The next turn starts its scan there, above the dead entries of what it has numbered.
ALTER TABLE change_event ADD COLUMN xid xid8;
-- Events of before this column: written by transactions long ended, so the lowest mark.
UPDATE change_event SET xid = '1' WHERE position IS NULL;
ALTER TABLE change_event ALTER COLUMN xid SET DEFAULT pg_current_xact_id();
-- Numbered events may keep no xid (those of before this column); one still to number needs it,
-- or the sequencer would never find it.
ALTER TABLE change_event ADD CONSTRAINT change_event_unnumbered_has_xid
	CHECK (position IS NOT NULL OR xid IS NOT NULL);

CREATE INDEX change_event_unnumbered ON change_event (xid) WHERE position IS NULL;
DROP INDEX change_event_unsequenced;
