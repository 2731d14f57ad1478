-- Work other modules run as jobs: an import and its undo (exchange). subject_id names what the
-- job works on (the import).
ALTER TABLE job DROP CONSTRAINT job_type_valid;
ALTER TABLE job ADD CONSTRAINT job_type_valid CHECK (type IN ('CREATE_CONTACTS_FROM_CUSTOMERS',
	'CREATE_CONTACTS_FROM_VENDORS', 'CREATE_CONTACTS_FROM_BANK_ACCOUNTS', 'GENERATE_DUPLICATE_SEARCH_STRINGS',
	'IMPORT', 'UNDO_IMPORT'));
ALTER TABLE job ADD COLUMN subject_id bigint;
