-- What a value that fails a check does (docs/rules.md, "Checked data"): REFUSE it (422), the
-- default, or WARN and save it, so that old data can still be imported and then cleaned.
ALTER TABLE marketing_setup
	ADD COLUMN phone_no_check            varchar(10) NOT NULL DEFAULT 'REFUSE'
		CONSTRAINT marketing_setup_phone_no_check_valid CHECK (phone_no_check IN ('REFUSE', 'WARN')),
	ADD COLUMN email_check               varchar(10) NOT NULL DEFAULT 'REFUSE'
		CONSTRAINT marketing_setup_email_check_valid CHECK (email_check IN ('REFUSE', 'WARN')),
	ADD COLUMN vat_registration_no_check varchar(10) NOT NULL DEFAULT 'REFUSE'
		CONSTRAINT marketing_setup_vat_registration_no_check_valid CHECK (vat_registration_no_check IN ('REFUSE', 'WARN')),
	ADD COLUMN iban_check                varchar(10) NOT NULL DEFAULT 'REFUSE'
		CONSTRAINT marketing_setup_iban_check_valid CHECK (iban_check IN ('REFUSE', 'WARN'));
