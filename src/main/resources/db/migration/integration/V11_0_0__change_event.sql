-- The transactional outbox: every typed event, written in the transaction of its change, so
-- that nothing of a rolled-back change is ever published and nothing committed is lost.
--
-- id is the order of writing; position is the order of commit, given afterwards by the
-- sequencer (ChangeFeed) to committed events only, in id order. Two changes of one record
-- are written one after the other (the second waits for the first's row lock), so their
-- ids, and so their positions, are in the order of their commits: the feed is in commit
-- order per record, and a reader that has seen position p never later finds a new event
-- below p.
CREATE TABLE change_event (
	id            bigint GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
	position      bigint UNIQUE,
	type          varchar(60) NOT NULL,
	record_type   varchar(30) NOT NULL,
	no            varchar(200) NOT NULL,
	version       bigint,
	at            timestamptz NOT NULL DEFAULT clock_timestamp(),
	origin        varchar(10) NOT NULL,
	user_name     varchar(50) NOT NULL,
	source_system varchar(40),
	caused_by     bigint,
	schema        integer NOT NULL DEFAULT 1,
	changes       jsonb NOT NULL
);
-- What the sequencer has still to number: small, as it numbers all of it every moment.
CREATE INDEX change_event_unsequenced ON change_event (id) WHERE position IS NULL;
-- For the retention sweep.
CREATE INDEX change_event_by_time ON change_event (at);

-- One row: the last position given, and the newest position the retention has removed
-- (a cursor below it has lost events: 410 CURSOR_EXPIRED). The sequencers of all
-- instances take this row's lock, so positions are given by one at a time.
CREATE TABLE change_feed (
	id              integer PRIMARY KEY CHECK (id = 1),
	last_position   bigint NOT NULL,
	purged_through  bigint NOT NULL
);
INSERT INTO change_feed VALUES (1, 0, 0);
