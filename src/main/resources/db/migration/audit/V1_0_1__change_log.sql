-- Every change to data, field by field: who, when, through what, and for a change the sync
-- carried, the entry of the change that caused it.
CREATE TABLE change_log (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at          timestamptz NOT NULL DEFAULT clock_timestamp(),
	user_name   varchar(50) NOT NULL,
	origin      varchar(10) NOT NULL
		CONSTRAINT change_log_origin_valid CHECK (origin IN ('USER', 'API', 'SYNC', 'JOB', 'IMPORT')),
	record_type varchar(30) NOT NULL
		CONSTRAINT change_log_record_type_valid CHECK (record_type IN ('CONTACT', 'CUSTOMER', 'VENDOR',
			'BANK_ACCOUNT', 'CONTACT_BUSINESS_RELATION', 'SALES_DOCUMENT', 'PURCHASE_DOCUMENT', 'SERVICE_ORDER',
			'INTERACTION', 'SETUP')),
	no          varchar(200) NOT NULL,
	field       varchar(50) NOT NULL,
	old_value   text,
	new_value   text,
	caused_by   bigint REFERENCES change_log (id)
);
CREATE INDEX change_log_by_record ON change_log (record_type, no, id);
