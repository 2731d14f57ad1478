-- Users (with their roles and password changes) and API tokens are in the change log too.
ALTER TABLE change_log DROP CONSTRAINT change_log_record_type_valid;
ALTER TABLE change_log ADD CONSTRAINT change_log_record_type_valid CHECK (record_type IN ('CONTACT', 'CUSTOMER',
	'VENDOR', 'BANK_ACCOUNT', 'CONTACT_BUSINESS_RELATION', 'SALES_DOCUMENT', 'PURCHASE_DOCUMENT', 'SERVICE_ORDER',
	'INTERACTION', 'SETUP', 'USER', 'API_TOKEN'));
