-- Readers of the change feed inside the application that deliver it elsewhere (Kafka):
-- how far each has delivered, and which instance delivers now (a lease, so that with
-- several instances one delivers and another takes over when it dies).
CREATE TABLE feed_reader (
	name        varchar(40) PRIMARY KEY,
	position    bigint NOT NULL,
	lease_owner varchar(120),
	lease_until timestamptz
);
