-- How many of the contacts a job created have duplicates among the companies already there.
ALTER TABLE job ADD COLUMN duplicates bigint NOT NULL DEFAULT 0;
