-- A series' code is upper case and has no spaces around it (see setup's V21_0_0); its own
-- sequence, when it allows gaps, is named after it.
ALTER TABLE number_series ADD CONSTRAINT number_series_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
