-- Matching an import's row to a record by organisation number or by e-mail address
-- (docs/import.md, "Matching") is an index lookup, not a read of the whole table per row: each
-- index is on exactly the expression the matching query compares (Matching), so the planner
-- can use it. A 100,000-row import matched by e-mail otherwise read the table 100,000 times.

-- Organisation numbers as compared: letters and digits in upper case, a Norwegian number's NO
-- and MVA taken off ('NO 923 609 016 MVA' is '923609016'). With the number after it, so that the
-- query's ORDER BY no needs no sort, and the planner does not rather walk another index in
-- number order.
CREATE INDEX contact_by_normalised_vat ON contact
	((regexp_replace(regexp_replace(upper(vat_registration_no), '[^A-Z0-9]', '', 'g'), '^(NO){0,1}(\d{9})(MVA){0,1}$', '\2')), no);
CREATE INDEX customer_by_normalised_vat ON customer
	((regexp_replace(regexp_replace(upper(vat_registration_no), '[^A-Z0-9]', '', 'g'), '^(NO){0,1}(\d{9})(MVA){0,1}$', '\2')), no);
CREATE INDEX vendor_by_normalised_vat ON vendor
	((regexp_replace(regexp_replace(upper(vat_registration_no), '[^A-Z0-9]', '', 'g'), '^(NO){0,1}(\d{9})(MVA){0,1}$', '\2')), no);

-- A record's e-mail addresses as a set: lower case, without spaces, split at ';'. The query
-- asks whether the set contains the row's address (@>), which a GIN index answers. Without the
-- pending list (fastupdate): an import looks up each row right after the rows before it went
-- in, and every lookup would read the whole unsorted list of what was added since the last
-- vacuum (4 MB of it, before it is merged).
CREATE INDEX contact_by_email_address ON contact USING gin ((string_to_array(replace(lower(email), ' ', ''), ';')))
	WITH (fastupdate = off);
CREATE INDEX customer_by_email_address ON customer USING gin ((string_to_array(replace(lower(email), ' ', ''), ';')))
	WITH (fastupdate = off);
CREATE INDEX vendor_by_email_address ON vendor USING gin ((string_to_array(replace(lower(email), ' ', ''), ';')))
	WITH (fastupdate = off);
CREATE INDEX bank_account_by_email_address ON bank_account USING gin ((string_to_array(replace(lower(email), ' ', ''), ';')))
	WITH (fastupdate = off);

-- A person row's company (Matching.company): only companies, by organisation number or by name
-- ignoring case.
CREATE INDEX contact_company_by_normalised_vat ON contact
	((regexp_replace(regexp_replace(upper(vat_registration_no), '[^A-Z0-9]', '', 'g'), '^(NO){0,1}(\d{9})(MVA){0,1}$', '\2')), no)
	WHERE type = 'COMPANY';
CREATE INDEX contact_company_by_name ON contact (lower(name), no) WHERE type = 'COMPANY';
