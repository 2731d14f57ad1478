-- Spring Modulith's event publication registry (schema v2 for PostgreSQL): events that
-- go to listeners after commit are kept here until each listener has handled them.
CREATE TABLE event_publication (
	id                     uuid NOT NULL PRIMARY KEY,
	listener_id            text NOT NULL,
	event_type             text NOT NULL,
	serialized_event       text NOT NULL,
	publication_date       timestamptz NOT NULL,
	completion_date        timestamptz,
	status                 text,
	completion_attempts    int,
	last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Case- and accent-insensitive search ("bjorn" finds "Bjørn") needs unaccent in indexes.
CREATE EXTENSION IF NOT EXISTS unaccent;
