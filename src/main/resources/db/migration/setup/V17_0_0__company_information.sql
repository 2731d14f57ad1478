-- Who we are, as printed documents head their first page: one row, which always
-- exists; empty until an administrator fills it in under Setup.
CREATE TABLE company_information (
	singleton           boolean PRIMARY KEY DEFAULT true CONSTRAINT company_information_one_row CHECK (singleton),
	name                varchar(100) NOT NULL DEFAULT '',
	address             varchar(100) NOT NULL DEFAULT '',
	address2            varchar(50) NOT NULL DEFAULT '',
	post_code           varchar(20) NOT NULL DEFAULT '',
	city                varchar(30) NOT NULL DEFAULT '',
	country_region_code varchar(10) REFERENCES country_region (code),
	phone_no            varchar(30) NOT NULL DEFAULT '',
	email               varchar(80) NOT NULL DEFAULT '',
	home_page           varchar(255) NOT NULL DEFAULT '',
	vat_registration_no varchar(20) NOT NULL DEFAULT '',
	bank_account_no     varchar(30) NOT NULL DEFAULT '',
	iban                varchar(50) NOT NULL DEFAULT '',
	version             bigint NOT NULL DEFAULT 1
);
INSERT INTO company_information (singleton) VALUES (true);
