-- Interactions with contacts: logged by hand, or when documents are printed or sent, e-mail
-- is sent, and service orders are created. Entries outlive their contacts: a deleted
-- person's entries move to its company; a deleted company's keep their data, with the
-- contact's name, without its number.
CREATE TABLE interaction_log_entry (
	entry_no                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	contact_no                varchar(20),
	contact_company_no        varchar(20),
	contact_name              varchar(100) NOT NULL DEFAULT '',
	date                      date NOT NULL,
	time                      time NOT NULL,
	interaction_template_code varchar(10) NOT NULL REFERENCES interaction_template (code),
	description               varchar(100) NOT NULL DEFAULT '',
	information_flow          varchar(10) NOT NULL
		CONSTRAINT interaction_log_flow_valid CHECK (information_flow IN ('OUTBOUND', 'INBOUND')),
	initiated_by              varchar(10) NOT NULL
		CONSTRAINT interaction_log_initiated_by_valid CHECK (initiated_by IN ('US', 'THEM')),
	cost_lcy                  numeric(20, 5) NOT NULL DEFAULT 0 CONSTRAINT interaction_log_cost_positive CHECK (cost_lcy >= 0),
	duration_min              numeric(20, 5) NOT NULL DEFAULT 0
		CONSTRAINT interaction_log_duration_positive CHECK (duration_min >= 0),
	document_type             varchar(30),
	document_no               varchar(20),
	salesperson_code          varchar(20) REFERENCES salesperson (code),
	user_id                   varchar(50) NOT NULL,
	canceled                  boolean NOT NULL DEFAULT false
);
CREATE INDEX interaction_log_by_contact ON interaction_log_entry (contact_no, entry_no);
CREATE INDEX interaction_log_by_company ON interaction_log_entry (contact_company_no, entry_no);
CREATE INDEX interaction_log_by_document ON interaction_log_entry (document_type, document_no);

-- Mail that could not be handed to an SMTP server, because none is configured: kept here, so
-- nothing is lost on the embedded default, and listed at /api/v1/outbox.
CREATE TABLE outbox_message (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	created_at  timestamptz NOT NULL DEFAULT now(),
	created_by  varchar(50) NOT NULL,
	recipient   varchar(255) NOT NULL,
	subject     varchar(255) NOT NULL,
	body        text NOT NULL,
	attachment_name varchar(100),
	attachment  bytea,
	status      varchar(10) NOT NULL DEFAULT 'KEPT' CONSTRAINT outbox_message_status_valid CHECK (status IN ('KEPT', 'SENT'))
);
