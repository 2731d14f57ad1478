-- Mail leaves after the transaction that wrote it committed, from this table: PENDING waits
-- for its time (next_attempt_at) or for an SMTP server to be configured; SENDING is claimed
-- by one instance until lease_until, so that a second instance leaves it alone and a
-- restart takes it up again once the lease ran out; SENT went out; FAILED was given up
-- after the retry policy's patience, with the last error kept for the administrator.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_status_valid;
UPDATE outbox_message SET status = 'PENDING' WHERE status = 'KEPT';
ALTER TABLE outbox_message
	ALTER COLUMN status SET DEFAULT 'PENDING',
	ADD CONSTRAINT outbox_message_status_valid CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
	ADD COLUMN attempts integer NOT NULL DEFAULT 0,
	ADD COLUMN first_attempt_at timestamptz,
	ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
	ADD COLUMN lease_until timestamptz,
	ADD COLUMN last_error varchar(500),
	ADD COLUMN sent_at timestamptz;

-- What a sender looks for: messages that wait, and claims whose lease may have run out.
CREATE INDEX outbox_message_waiting ON outbox_message (id) WHERE status IN ('PENDING', 'SENDING');
