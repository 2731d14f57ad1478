-- The change log is read newest first by the time of commit: entries are numbered when a
-- change is made and bulk work numbers its own, so the number alone is not the order.
CREATE INDEX change_log_newest_first ON change_log (at DESC, id DESC);
CREATE INDEX change_log_by_record_newest_first ON change_log (record_type, no, at DESC, id DESC);
DROP INDEX change_log_by_record;
