-- A code is upper case and has no spaces around it, as the ERP keeps a code: the application
-- strips what a request sends (" " is no code, "dk " is "DK"), and the database holds to it,
-- so that no key can be blank or look like another key. A database that already holds such a
-- key stops here, naming the constraint: rename the row's code, then start again.
ALTER TABLE business_relation ADD CONSTRAINT business_relation_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
ALTER TABLE salesperson ADD CONSTRAINT salesperson_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
ALTER TABLE territory ADD CONSTRAINT territory_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
ALTER TABLE country_region ADD CONSTRAINT country_region_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
ALTER TABLE language ADD CONSTRAINT language_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
ALTER TABLE currency ADD CONSTRAINT currency_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
ALTER TABLE post_code ADD CONSTRAINT post_code_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
ALTER TABLE customer_template ADD CONSTRAINT customer_template_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
ALTER TABLE vendor_template ADD CONSTRAINT vendor_template_code_trimmed
	CHECK (code <> '' AND code !~ '^[[:space:]]|[[:space:]]$');
