-- Duplicate search (docs/rules.md, "Duplicate search"): for each company contact, the first and last five
-- characters of name, address, city, post code, phone and VAT number, without spaces and
-- punctuation, upper-cased. Companies that share enough of them are duplicates.
CREATE TABLE duplicate_search_string (
	contact_no varchar(20) NOT NULL REFERENCES contact (no) ON DELETE CASCADE,
	field      varchar(30) NOT NULL,
	part       varchar(5) NOT NULL CONSTRAINT duplicate_search_string_part_valid CHECK (part IN ('FIRST', 'LAST')),
	value      varchar(5) NOT NULL,
	PRIMARY KEY (contact_no, field, part)
);
CREATE INDEX duplicate_search_string_by_value ON duplicate_search_string (field, part, value);

-- Pairs a user has marked as separate contacts: they are not reported as duplicates again.
CREATE TABLE separate_contacts (
	contact_no       varchar(20) NOT NULL REFERENCES contact (no) ON DELETE CASCADE,
	other_contact_no varchar(20) NOT NULL REFERENCES contact (no) ON DELETE CASCADE,
	PRIMARY KEY (contact_no, other_contact_no),
	CONSTRAINT separate_contacts_ordered CHECK (contact_no < other_contact_no)
);
