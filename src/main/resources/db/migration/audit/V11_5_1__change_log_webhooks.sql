-- A webhook endpoint the system disabled (its receiver failed for longer than the patience)
-- is in the change log too, so an administrator can see when and why.
ALTER TABLE change_log DROP CONSTRAINT change_log_record_type_valid;
ALTER TABLE change_log ADD CONSTRAINT change_log_record_type_valid CHECK (record_type IN ('CONTACT', 'CUSTOMER',
	'VENDOR', 'BANK_ACCOUNT', 'CONTACT_BUSINESS_RELATION', 'SALES_DOCUMENT', 'PURCHASE_DOCUMENT', 'SERVICE_ORDER',
	'INTERACTION', 'SETUP', 'USER', 'API_TOKEN', 'WEBHOOK'));
