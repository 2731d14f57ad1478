CREATE TABLE business_relation (
	code        varchar(10) PRIMARY KEY CONSTRAINT business_relation_code_upper CHECK (code = upper(code)),
	description varchar(100) NOT NULL DEFAULT '',
	version     bigint NOT NULL DEFAULT 1
);

-- The code lists: each a table of its own, so that every reference to one is a foreign key.
CREATE TABLE salesperson (
	code     varchar(20) PRIMARY KEY CONSTRAINT salesperson_code_upper CHECK (code = upper(code)),
	name     varchar(50) NOT NULL DEFAULT '',
	email    varchar(80) NOT NULL DEFAULT '',
	phone_no varchar(30) NOT NULL DEFAULT '',
	version  bigint NOT NULL DEFAULT 1
);
CREATE TABLE territory (
	code    varchar(10) PRIMARY KEY CONSTRAINT territory_code_upper CHECK (code = upper(code)),
	name    varchar(50) NOT NULL DEFAULT '',
	version bigint NOT NULL DEFAULT 1
);
CREATE TABLE country_region (
	code    varchar(10) PRIMARY KEY CONSTRAINT country_region_code_upper CHECK (code = upper(code)),
	name    varchar(50) NOT NULL DEFAULT '',
	version bigint NOT NULL DEFAULT 1
);
CREATE TABLE language (
	code    varchar(10) PRIMARY KEY CONSTRAINT language_code_upper CHECK (code = upper(code)),
	name    varchar(50) NOT NULL DEFAULT '',
	version bigint NOT NULL DEFAULT 1
);
CREATE TABLE currency (
	code    varchar(10) PRIMARY KEY CONSTRAINT currency_code_upper CHECK (code = upper(code)),
	name    varchar(50) NOT NULL DEFAULT '',
	version bigint NOT NULL DEFAULT 1
);
CREATE TABLE post_code (
	code                varchar(20) NOT NULL CONSTRAINT post_code_code_upper CHECK (code = upper(code)),
	city                varchar(30) NOT NULL CONSTRAINT post_code_city_given CHECK (city <> ''),
	country_region_code varchar(10) REFERENCES country_region (code),
	county              varchar(30) NOT NULL DEFAULT '',
	version             bigint NOT NULL DEFAULT 1,
	PRIMARY KEY (code, city)
);

CREATE TABLE customer_template (
	code                   varchar(10) PRIMARY KEY CONSTRAINT customer_template_code_upper CHECK (code = upper(code)),
	description            varchar(100) NOT NULL DEFAULT '',
	contact_type           varchar(10) NOT NULL CONSTRAINT customer_template_contact_type_valid
		CHECK (contact_type IN ('COMPANY', 'PERSON')),
	customer_posting_group varchar(20),
	gen_bus_posting_group  varchar(20),
	vat_bus_posting_group  varchar(20),
	payment_terms_code     varchar(10),
	payment_method_code    varchar(10),
	prices_including_vat   boolean NOT NULL DEFAULT false,
	country_region_code    varchar(10) REFERENCES country_region (code),
	territory_code         varchar(10) REFERENCES territory (code),
	currency_code          varchar(10) REFERENCES currency (code),
	language_code          varchar(10) REFERENCES language (code),
	salesperson_code       varchar(20) REFERENCES salesperson (code),
	version                bigint NOT NULL DEFAULT 1
);
CREATE TABLE vendor_template (
	code                 varchar(10) PRIMARY KEY CONSTRAINT vendor_template_code_upper CHECK (code = upper(code)),
	description          varchar(100) NOT NULL DEFAULT '',
	contact_type         varchar(10) NOT NULL CONSTRAINT vendor_template_contact_type_valid
		CHECK (contact_type IN ('COMPANY', 'PERSON')),
	vendor_posting_group varchar(20),
	gen_bus_posting_group varchar(20),
	vat_bus_posting_group varchar(20),
	payment_terms_code   varchar(10),
	payment_method_code  varchar(10),
	prices_including_vat boolean NOT NULL DEFAULT false,
	country_region_code  varchar(10) REFERENCES country_region (code),
	territory_code       varchar(10) REFERENCES territory (code),
	currency_code        varchar(10) REFERENCES currency (code),
	language_code        varchar(10) REFERENCES language (code),
	purchaser_code       varchar(20) REFERENCES salesperson (code),
	version              bigint NOT NULL DEFAULT 1
);

-- Settings: one row each, which always exists.
CREATE TABLE marketing_setup (
	singleton                                boolean PRIMARY KEY DEFAULT true CONSTRAINT marketing_setup_one_row CHECK (singleton),
	business_relation_code_for_customers     varchar(10) REFERENCES business_relation (code),
	business_relation_code_for_vendors       varchar(10) REFERENCES business_relation (code),
	business_relation_code_for_bank_accounts varchar(10) REFERENCES business_relation (code),
	contact_nos                              varchar(20) REFERENCES number_series (code),
	inherit_salesperson_code                 boolean NOT NULL DEFAULT true,
	inherit_territory_code                   boolean NOT NULL DEFAULT true,
	inherit_country_region_code              boolean NOT NULL DEFAULT true,
	inherit_language_code                    boolean NOT NULL DEFAULT true,
	inherit_address_details                  boolean NOT NULL DEFAULT true,
	inherit_communication_details            boolean NOT NULL DEFAULT true,
	default_language_code                    varchar(10) REFERENCES language (code),
	default_country_region_code              varchar(10) REFERENCES country_region (code),
	default_salesperson_code                 varchar(20) REFERENCES salesperson (code),
	default_territory_code                   varchar(10) REFERENCES territory (code),
	maintain_duplicate_search_strings        boolean NOT NULL DEFAULT true,
	autosearch_for_duplicates                boolean NOT NULL DEFAULT false,
	search_hit_percent                       integer NOT NULL DEFAULT 75
		CONSTRAINT marketing_setup_hit_percent_range CHECK (search_hit_percent BETWEEN 1 AND 100),
	version                                  bigint NOT NULL DEFAULT 1
);
INSERT INTO marketing_setup (singleton) VALUES (true);

CREATE TABLE numbering_setup (
	singleton                   boolean PRIMARY KEY DEFAULT true CONSTRAINT numbering_setup_one_row CHECK (singleton),
	customer_nos                varchar(20) REFERENCES number_series (code),
	vendor_nos                  varchar(20) REFERENCES number_series (code),
	bank_account_nos            varchar(20) REFERENCES number_series (code),
	sales_quote_nos             varchar(20) REFERENCES number_series (code),
	sales_order_nos             varchar(20) REFERENCES number_series (code),
	sales_blanket_order_nos     varchar(20) REFERENCES number_series (code),
	purchase_quote_nos          varchar(20) REFERENCES number_series (code),
	purchase_order_nos          varchar(20) REFERENCES number_series (code),
	purchase_blanket_order_nos  varchar(20) REFERENCES number_series (code),
	service_order_nos           varchar(20) REFERENCES number_series (code),
	version                     bigint NOT NULL DEFAULT 1
);
INSERT INTO numbering_setup (singleton) VALUES (true);

-- Which contact fields the sync shares with each linked record type, and which way.
CREATE TABLE sync_field (
	record_type varchar(20) NOT NULL CONSTRAINT sync_field_record_type_valid
		CHECK (record_type IN ('CUSTOMER', 'VENDOR', 'BANK_ACCOUNT')),
	field       varchar(50) NOT NULL,
	direction   varchar(20) NOT NULL CONSTRAINT sync_field_direction_valid
		CHECK (direction IN ('BOTH', 'CONTACT_TO_RECORD', 'RECORD_TO_CONTACT', 'NONE')),
	PRIMARY KEY (record_type, field)
);
INSERT INTO sync_field (record_type, field, direction)
SELECT t.record_type, f.field, 'BOTH'
FROM (VALUES ('CUSTOMER'), ('VENDOR'), ('BANK_ACCOUNT')) AS t (record_type)
CROSS JOIN (VALUES ('name'), ('name2'), ('address'), ('address2'), ('city'), ('postCode'), ('county'),
	('countryRegionCode'), ('phoneNo'), ('mobilePhoneNo'), ('faxNo'), ('email'), ('homePage'), ('territoryCode'),
	('currencyCode'), ('languageCode')) AS f (field);
INSERT INTO sync_field (record_type, field, direction) VALUES
	('CUSTOMER', 'vatRegistrationNo', 'BOTH'), ('CUSTOMER', 'registrationNumber', 'BOTH'),
	('CUSTOMER', 'salespersonCode', 'BOTH'),
	('VENDOR', 'vatRegistrationNo', 'BOTH'), ('VENDOR', 'registrationNumber', 'BOTH');
