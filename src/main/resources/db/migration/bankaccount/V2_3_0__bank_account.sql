-- Bank accounts: the shared contact fields, and the account itself.
CREATE TABLE bank_account (
	no                  varchar(20) PRIMARY KEY CONSTRAINT bank_account_no_upper CHECK (no = upper(no) AND no <> ''),
	name                varchar(100) NOT NULL CONSTRAINT bank_account_name_given CHECK (name <> ''),
	name2               varchar(50) NOT NULL DEFAULT '',
	address             varchar(100) NOT NULL DEFAULT '',
	address2            varchar(50) NOT NULL DEFAULT '',
	city                varchar(30) NOT NULL DEFAULT '',
	post_code           varchar(20) NOT NULL DEFAULT '',
	county              varchar(30) NOT NULL DEFAULT '',
	country_region_code varchar(10) REFERENCES country_region (code),
	phone_no            varchar(30) NOT NULL DEFAULT '' CONSTRAINT bank_account_phone_no_digits CHECK (phone_no !~ '[[:alpha:]]'),
	mobile_phone_no     varchar(30) NOT NULL DEFAULT '' CONSTRAINT bank_account_mobile_no_digits CHECK (mobile_phone_no !~ '[[:alpha:]]'),
	fax_no              varchar(30) NOT NULL DEFAULT '' CONSTRAINT bank_account_fax_no_digits CHECK (fax_no !~ '[[:alpha:]]'),
	email               varchar(80) NOT NULL DEFAULT '',
	home_page           varchar(255) NOT NULL DEFAULT '',
	territory_code      varchar(10) REFERENCES territory (code),
	language_code       varchar(10) REFERENCES language (code),
	currency_code       varchar(10) REFERENCES currency (code),
	our_contact_code    varchar(20) REFERENCES salesperson (code),
	bank_account_no     varchar(30) NOT NULL DEFAULT '',
	iban                varchar(50) NOT NULL DEFAULT '',
	swift_code          varchar(20) NOT NULL DEFAULT '',
	bank_branch_no      varchar(20) NOT NULL DEFAULT '',
	bank_acc_posting_group varchar(20),
	-- The contact it is linked to; kept by the relation module from the links it makes.
	contact_no          varchar(20),
	version             bigint NOT NULL DEFAULT 1,
	last_modified_at    timestamptz NOT NULL DEFAULT now(),
	search_text         text GENERATED ALWAYS AS (search_key(name || ' ' || email || ' ' || phone_no || ' ' || city)) STORED
);
CREATE INDEX bank_account_search ON bank_account USING gin (search_text gin_trgm_ops);
