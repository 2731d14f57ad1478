-- Phone numbers are kept as typed and, beside them, in E.164 (+4722334455), normalised by the
-- application with libphonenumber (docs/rules.md, "Checked data"): empty where a number could not
-- be read. Search looks at the normalised form too, so "22 33 44 55" and "+47 22334455" are found
-- by the same words.
ALTER TABLE customer
	ADD COLUMN phone_no_e164        varchar(20) NOT NULL DEFAULT ''
		CONSTRAINT customer_phone_no_e164_form CHECK (phone_no_e164 ~ '^(\+[1-9][0-9]{1,14})?$'),
	ADD COLUMN mobile_phone_no_e164 varchar(20) NOT NULL DEFAULT ''
		CONSTRAINT customer_mobile_phone_no_e164_form CHECK (mobile_phone_no_e164 ~ '^(\+[1-9][0-9]{1,14})?$'),
	ADD COLUMN fax_no_e164          varchar(20) NOT NULL DEFAULT ''
		CONSTRAINT customer_fax_no_e164_form CHECK (fax_no_e164 ~ '^(\+[1-9][0-9]{1,14})?$');

-- A generated column's expression cannot be changed on PostgreSQL 15 and 16: it is made again,
-- and its index with it.
ALTER TABLE customer DROP COLUMN search_text;
ALTER TABLE customer ADD COLUMN search_text text GENERATED ALWAYS AS (search_key(name || ' ' || email || ' ' || phone_no
	|| ' ' || phone_no_e164 || ' ' || city)) STORED;
CREATE INDEX customer_search ON customer USING gin (search_text gin_trgm_ops);
