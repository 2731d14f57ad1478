-- A number typed in by hand has no spaces around it, as the ERP keeps a code (see setup's
-- V21_0_0): the application strips them, and the database refuses what comes another way.
ALTER TABLE contact ADD CONSTRAINT contact_no_trimmed CHECK (no !~ '^[[:space:]]|[[:space:]]$');
-- A merged contact's number was a contact's number, and stays one no other contact may take.
ALTER TABLE merged_contact ADD CONSTRAINT merged_contact_no_trimmed CHECK (no !~ '^[[:space:]]|[[:space:]]$');
