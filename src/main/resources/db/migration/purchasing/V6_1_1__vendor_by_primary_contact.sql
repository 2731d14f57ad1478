-- As for customers: the vendors whose primary contact a contact is are looked up by it on
-- every change and deletion of the contact, without scanning every vendor.
CREATE INDEX vendor_by_primary_contact ON vendor (primary_contact_no) WHERE primary_contact_no IS NOT NULL;
