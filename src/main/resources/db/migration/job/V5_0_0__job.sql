-- Long-running batch jobs. Progress and the last record done are written in the same
-- transaction as each page of work, so a job that dies resumes where its last page ended.
CREATE TABLE job (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	type             varchar(50) NOT NULL CONSTRAINT job_type_valid CHECK (type IN ('CREATE_CONTACTS_FROM_CUSTOMERS',
		'CREATE_CONTACTS_FROM_VENDORS', 'CREATE_CONTACTS_FROM_BANK_ACCOUNTS')),
	status           varchar(10) NOT NULL DEFAULT 'QUEUED' CONSTRAINT job_status_valid
		CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
	no_from          varchar(20),
	no_to            varchar(20),
	total            bigint NOT NULL DEFAULT 0,
	processed        bigint NOT NULL DEFAULT 0,
	created          bigint NOT NULL DEFAULT 0,
	skipped          bigint NOT NULL DEFAULT 0,
	failed           bigint NOT NULL DEFAULT 0,
	last_no          varchar(20),
	cancel_requested boolean NOT NULL DEFAULT false,
	created_by       varchar(50) NOT NULL,
	created_at       timestamptz NOT NULL DEFAULT now(),
	started_at       timestamptz,
	finished_at      timestamptz
);
CREATE INDEX job_by_status ON job (status, id);

CREATE TABLE job_error (
	job_id  bigint NOT NULL REFERENCES job (id) ON DELETE CASCADE,
	no      varchar(20) NOT NULL,
	message varchar(500) NOT NULL,
	PRIMARY KEY (job_id, no)
);
