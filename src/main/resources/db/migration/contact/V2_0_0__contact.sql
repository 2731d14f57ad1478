CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The key that search compares: lower case, without accents, with å spelt aa as Norwegians
-- do without the letter, so "bjorn" finds "Bjørn" and "aas" finds "Ås".
CREATE FUNCTION search_key(value text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN public.unaccent('public.unaccent'::regdictionary, replace(lower(value), 'å', 'aa'));

CREATE TABLE contact (
	no                        varchar(20) PRIMARY KEY CONSTRAINT contact_no_upper CHECK (no = upper(no) AND no <> ''),
	type                      varchar(10) NOT NULL CONSTRAINT contact_type_valid CHECK (type IN ('COMPANY', 'PERSON')),
	name                      varchar(100) NOT NULL CONSTRAINT contact_name_given CHECK (name <> ''),
	name2                     varchar(50) NOT NULL DEFAULT '',
	first_name                varchar(30) NOT NULL DEFAULT '',
	middle_name               varchar(30) NOT NULL DEFAULT '',
	surname                   varchar(30) NOT NULL DEFAULT '',
	job_title                 varchar(30) NOT NULL DEFAULT '',
	-- A company is its own company; a person names its company, or none.
	company_no                varchar(20),
	company_name              varchar(100) NOT NULL DEFAULT '',
	address                   varchar(100) NOT NULL DEFAULT '',
	address2                  varchar(50) NOT NULL DEFAULT '',
	city                      varchar(30) NOT NULL DEFAULT '',
	post_code                 varchar(20) NOT NULL DEFAULT '',
	county                    varchar(30) NOT NULL DEFAULT '',
	country_region_code       varchar(10) REFERENCES country_region (code),
	phone_no                  varchar(30) NOT NULL DEFAULT '' CONSTRAINT contact_phone_no_digits CHECK (phone_no !~ '[[:alpha:]]'),
	mobile_phone_no           varchar(30) NOT NULL DEFAULT '' CONSTRAINT contact_mobile_no_digits CHECK (mobile_phone_no !~ '[[:alpha:]]'),
	fax_no                    varchar(30) NOT NULL DEFAULT '' CONSTRAINT contact_fax_no_digits CHECK (fax_no !~ '[[:alpha:]]'),
	email                     varchar(80) NOT NULL DEFAULT '',
	home_page                 varchar(255) NOT NULL DEFAULT '',
	salesperson_code          varchar(20) REFERENCES salesperson (code),
	territory_code            varchar(10) REFERENCES territory (code),
	language_code             varchar(10) REFERENCES language (code),
	currency_code             varchar(10) REFERENCES currency (code),
	vat_registration_no       varchar(20) NOT NULL DEFAULT '' CONSTRAINT contact_vat_upper CHECK (vat_registration_no = upper(vat_registration_no)),
	registration_number       varchar(50) NOT NULL DEFAULT '',
	contact_business_relation varchar(20) NOT NULL DEFAULT 'NONE' CONSTRAINT contact_business_relation_valid
		CHECK (contact_business_relation IN ('NONE', 'CUSTOMER', 'VENDOR', 'BANK_ACCOUNT', 'MULTIPLE', 'OTHER')),
	version                   bigint NOT NULL DEFAULT 1,
	last_modified_at          timestamptz NOT NULL DEFAULT now(),
	-- Whether a person stands alone (no company): only such a person may be linked, as a customer.
	standalone                boolean GENERATED ALWAYS AS (company_no IS NULL) STORED,
	company_type              varchar(10) GENERATED ALWAYS AS (CASE WHEN company_no IS NULL THEN NULL ELSE 'COMPANY' END) STORED,
	search_text               text GENERATED ALWAYS AS (search_key(name || ' ' || email || ' ' || phone_no || ' '
		|| mobile_phone_no || ' ' || city)) STORED,
	CONSTRAINT contact_company_is_itself CHECK (type = 'PERSON' OR company_no = no),
	CONSTRAINT contact_no_type_unique UNIQUE (no, type),
	CONSTRAINT contact_link_target_unique UNIQUE (no, type, standalone),
	-- A person's company is a company contact (and a company is its own).
	-- (so a company with people cannot stop being a company).
	CONSTRAINT contact_company_is_a_company FOREIGN KEY (company_no, company_type) REFERENCES contact (no, type)
);
CREATE INDEX contact_by_company ON contact (company_no, no);
CREATE INDEX contact_by_type ON contact (type, no);
CREATE INDEX contact_by_business_relation ON contact (contact_business_relation, no);
CREATE INDEX contact_search ON contact USING gin (search_text gin_trgm_ops);
