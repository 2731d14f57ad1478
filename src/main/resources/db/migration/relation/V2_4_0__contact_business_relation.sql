-- A contact's business relations: plain classifications ("lawyer"), or links to the one
-- customer, vendor or bank account that shares its details. The invariants of the domain
-- rules hold here whatever the code does.
CREATE TABLE contact_business_relation (
	contact_no             varchar(20) NOT NULL,
	contact_type           varchar(10) NOT NULL,
	contact_standalone     boolean NOT NULL,
	business_relation_code varchar(10) NOT NULL REFERENCES business_relation (code),
	link_to_table          varchar(20) CONSTRAINT cbr_link_to_table_valid
		CHECK (link_to_table IN ('CUSTOMER', 'VENDOR', 'BANK_ACCOUNT')),
	customer_no            varchar(20) REFERENCES customer (no),
	vendor_no              varchar(20) REFERENCES vendor (no),
	bank_account_no        varchar(20) REFERENCES bank_account (no),
	PRIMARY KEY (contact_no, business_relation_code),
	-- The relation belongs to an existing contact whose kind it knows.
	CONSTRAINT cbr_contact FOREIGN KEY (contact_no, contact_type, contact_standalone)
		REFERENCES contact (no, type, standalone) ON UPDATE CASCADE ON DELETE CASCADE,
	-- A link points at exactly the one record of its table (invariant 4).
	CONSTRAINT cbr_link_points_at_one_record CHECK (
		(link_to_table IS NULL AND customer_no IS NULL AND vendor_no IS NULL AND bank_account_no IS NULL)
		OR (link_to_table = 'CUSTOMER' AND customer_no IS NOT NULL AND vendor_no IS NULL AND bank_account_no IS NULL)
		OR (link_to_table = 'VENDOR' AND vendor_no IS NOT NULL AND customer_no IS NULL AND bank_account_no IS NULL)
		OR (link_to_table = 'BANK_ACCOUNT' AND bank_account_no IS NOT NULL AND customer_no IS NULL AND vendor_no IS NULL)),
	-- Links live on company contacts; a person stands alone only as a customer (invariant 3).
	CONSTRAINT cbr_link_on_company CHECK (link_to_table IS NULL OR contact_type = 'COMPANY'
		OR (contact_standalone AND link_to_table = 'CUSTOMER'))
);
-- One link of each type per contact (invariant 1) ...
CREATE UNIQUE INDEX cbr_one_link_per_type ON contact_business_relation (contact_no, link_to_table)
	WHERE link_to_table IS NOT NULL;
-- ... and one contact per record (invariant 2).
CREATE UNIQUE INDEX cbr_one_contact_per_customer ON contact_business_relation (customer_no) WHERE customer_no IS NOT NULL;
CREATE UNIQUE INDEX cbr_one_contact_per_vendor ON contact_business_relation (vendor_no) WHERE vendor_no IS NOT NULL;
CREATE UNIQUE INDEX cbr_one_contact_per_bank_account ON contact_business_relation (bank_account_no)
	WHERE bank_account_no IS NOT NULL;
