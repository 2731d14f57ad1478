-- An import of a file (docs/import.md): the file's rows as uploaded, with the choices of the
-- import (the column mapping, what a row is matched by, the mode), so that the dry run and the
-- job read the same rows, the job resumes after its last whole page, and the file is never held
-- in memory whole.
CREATE TABLE import (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind            varchar(20) NOT NULL
		CONSTRAINT import_kind_valid CHECK (kind IN ('CONTACT', 'CUSTOMER', 'VENDOR', 'BANK_ACCOUNT')),
	file_name       varchar(255) NOT NULL,
	format          varchar(10) NOT NULL CONSTRAINT import_format_valid CHECK (format IN ('CSV', 'XLSX')),
	columns         jsonb NOT NULL,
	mapping         jsonb NOT NULL,
	match_by        varchar(20) NOT NULL
		CONSTRAINT import_match_by_valid CHECK (match_by IN ('NUMBER', 'EXTERNAL_ID', 'VAT_REGISTRATION_NO', 'EMAIL')),
	mode            varchar(20) NOT NULL
		CONSTRAINT import_mode_valid CHECK (mode IN ('CREATE_ONLY', 'UPDATE_ONLY', 'UPSERT')),
	blank_clears    boolean NOT NULL DEFAULT false,
	duplicates      varchar(10) NOT NULL DEFAULT 'REPORT'
		CONSTRAINT import_duplicates_valid CHECK (duplicates IN ('REPORT', 'SKIP')),
	external_system varchar(40),
	row_count       integer NOT NULL DEFAULT 0,
	job_id          bigint,
	undo_job_id     bigint,
	created_by      varchar(50) NOT NULL,
	created_at      timestamptz NOT NULL DEFAULT now()
);

-- The rows of the file after its header, numbered from 1, and what the run did with each.
CREATE TABLE import_row (
	import_id bigint NOT NULL REFERENCES import (id) ON DELETE CASCADE,
	row_no    integer NOT NULL,
	cells     jsonb NOT NULL,
	action    varchar(10) CONSTRAINT import_row_action_valid
		CHECK (action IN ('CREATE', 'UPDATE', 'UNCHANGED', 'SKIPPED', 'ERROR')),
	no        varchar(20),
	outcome   jsonb,
	PRIMARY KEY (import_id, row_no)
);

-- Each record the run created or changed, once however many rows reached it: what its fields
-- held before the import (the first value the import replaced) and its version after the
-- import's last change, which the undo checks so that it never reverts a later change.
CREATE TABLE import_record (
	seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	import_id     bigint NOT NULL REFERENCES import (id) ON DELETE CASCADE,
	record_type   varchar(20) NOT NULL,
	no            varchar(20) NOT NULL,
	created       boolean NOT NULL,
	old_values    jsonb NOT NULL DEFAULT '{}',
	version_after bigint NOT NULL,
	undo          varchar(10) CONSTRAINT import_record_undo_valid CHECK (undo IN ('UNDONE', 'LEFT')),
	undo_reason   jsonb,
	CONSTRAINT import_record_once UNIQUE (import_id, record_type, no)
);
