-- A number typed in by hand has no spaces around it, as the ERP keeps a code (see setup's
-- V21_0_0): the application strips them, and the database refuses what comes another way.
ALTER TABLE bank_account ADD CONSTRAINT bank_account_no_trimmed CHECK (no !~ '^[[:space:]]|[[:space:]]$');
