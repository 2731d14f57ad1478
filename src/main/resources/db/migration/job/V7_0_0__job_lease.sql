-- A job is run by one instance at a time: the instance that claimed it (owner) holds it until
-- lease_until and renews the lease while it runs. A live instance takes over a job whose lease
-- ran out (its instance died) and resumes it after its last committed page.
ALTER TABLE job ADD COLUMN owner varchar(100);
ALTER TABLE job ADD COLUMN lease_until timestamptz;
CREATE INDEX job_to_claim ON job (id) WHERE status IN ('QUEUED', 'RUNNING');
