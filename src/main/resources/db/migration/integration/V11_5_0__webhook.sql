-- Webhook endpoints: where committed changes are posted, which of them, and how far each
-- endpoint has got. The cursor is the change-feed position of the last event the endpoint
-- took (or chose not to take, by its filter); the dispatcher delivers strictly in feed order
-- from there, so the order per record holds.
CREATE TABLE webhook_endpoint (
	id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	url                   varchar(2000) NOT NULL,
	-- empty: every event type / record type
	event_types           text[] NOT NULL DEFAULT '{}',
	record_types          text[] NOT NULL DEFAULT '{}',
	exclude_source_system varchar(50),
	description           varchar(200),
	enabled               boolean NOT NULL DEFAULT true,
	-- The signing secret itself (whsec_...): it signs every delivery, so it cannot be hashed.
	secret                varchar(200) NOT NULL,
	delivery_cursor       bigint NOT NULL DEFAULT 0,
	-- The event at the cursor that keeps failing: since when, how often, and when next.
	failed_attempts       integer NOT NULL DEFAULT 0,
	first_failed_at       timestamptz,
	next_attempt_at       timestamptz,
	-- The instance delivering to this endpoint holds it until lease_until (as jobs are held).
	lease_owner           varchar(100),
	lease_until           timestamptz,
	disabled_at           timestamptz,
	disabled_reason       varchar(500),
	created_at            timestamptz NOT NULL DEFAULT now(),
	created_by            varchar(50) NOT NULL,
	updated_at            timestamptz NOT NULL DEFAULT now(),
	updated_by            varchar(50) NOT NULL,
	version               bigint NOT NULL DEFAULT 1
);
CREATE INDEX webhook_endpoint_to_claim ON webhook_endpoint (id) WHERE enabled;

-- Every attempt to deliver an event to an endpoint, kept for contactsync.webhooks.log-retention
-- (30 days by default) and pruned by the dispatcher.
CREATE TABLE webhook_delivery (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	endpoint_id   bigint NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
	event_id      varchar(100) NOT NULL,
	position      bigint NOT NULL,
	event_type    varchar(100) NOT NULL,
	attempt       integer NOT NULL,
	status        varchar(10) NOT NULL CONSTRAINT webhook_delivery_status_valid
		CHECK (status IN ('DELIVERED', 'FAILED')),
	redelivery    boolean NOT NULL DEFAULT false,
	response_code integer,
	latency_ms    bigint NOT NULL,
	error         varchar(500),
	at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_delivery_by_endpoint ON webhook_delivery (endpoint_id, id);
CREATE INDEX webhook_delivery_by_time ON webhook_delivery (at);
