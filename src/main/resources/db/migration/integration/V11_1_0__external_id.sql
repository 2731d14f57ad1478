-- Coupling by external id: the keys other systems know a record by, one per system and
-- record. An external id names one record of its type in its system, and a record has at
-- most one id in each system: both are the database's to hold, not the application's.
CREATE TABLE external_id (
	record_type varchar(30) NOT NULL
		CONSTRAINT external_id_record_type_valid CHECK (record_type IN ('CONTACT', 'CUSTOMER', 'VENDOR', 'BANK_ACCOUNT')),
	system      varchar(40) NOT NULL
		CONSTRAINT external_id_system_valid CHECK (system ~ '^[a-z0-9][a-z0-9._-]{0,39}$'),
	external_id varchar(200) NOT NULL
		CONSTRAINT external_id_not_empty CHECK (length(external_id) > 0),
	no          varchar(20) NOT NULL,
	coupled_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
	PRIMARY KEY (record_type, system, external_id),
	CONSTRAINT external_id_one_per_system UNIQUE (record_type, no, system)
);
