-- An interaction template's code is upper case and has no spaces around it (see setup's
-- V21_0_0).
ALTER TABLE interaction_template ADD CONSTRAINT interaction_template_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
