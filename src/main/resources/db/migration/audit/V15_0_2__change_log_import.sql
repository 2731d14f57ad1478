-- The import a change was made by (origin IMPORT, and what the sync carried from it), so that
-- an import's changes can be read and undone.
ALTER TABLE change_log ADD COLUMN import_id bigint;
CREATE INDEX change_log_by_import ON change_log (import_id) WHERE import_id IS NOT NULL;
