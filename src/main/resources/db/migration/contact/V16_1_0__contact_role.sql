-- A person's roles at companies other than its own (docs/rules.md, "Roles at other
-- companies"): typed and dated, with the phone and e-mail of that role. A role that ends
-- keeps its row, so the history stays.
CREATE TABLE contact_role (
	id            bigserial PRIMARY KEY,
	contact_no    varchar(20) NOT NULL,
	contact_type  varchar(10) NOT NULL DEFAULT 'PERSON' CONSTRAINT contact_role_of_a_person CHECK (contact_type = 'PERSON'),
	company_no    varchar(20) NOT NULL,
	company_type  varchar(10) NOT NULL DEFAULT 'COMPANY' CONSTRAINT contact_role_at_a_company CHECK (company_type = 'COMPANY'),
	job_title     varchar(30) NOT NULL DEFAULT '',
	starting_date date,
	ending_date   date,
	phone_no      varchar(30) NOT NULL DEFAULT '' CONSTRAINT contact_role_phone_no_digits CHECK (phone_no !~ '[[:alpha:]]'),
	email         varchar(80) NOT NULL DEFAULT '',
	version       bigint NOT NULL DEFAULT 1,
	-- A person (a contact that stays a person while it has roles) at a company.
	CONSTRAINT contact_role_person FOREIGN KEY (contact_no, contact_type) REFERENCES contact (no, type)
		ON DELETE CASCADE,
	CONSTRAINT contact_role_company FOREIGN KEY (company_no, company_type) REFERENCES contact (no, type)
		ON DELETE CASCADE,
	CONSTRAINT contact_role_ends_after_it_starts CHECK (ending_date IS NULL OR starting_date IS NULL
		OR ending_date >= starting_date)
);
CREATE INDEX contact_role_by_contact ON contact_role (contact_no, id);
CREATE INDEX contact_role_by_company ON contact_role (company_no, contact_no);
