-- A contact's change looks up the customers whose primary contact it is (to show its name
-- there), and deleting a contact clears them (so does the foreign key's ON DELETE SET NULL).
-- Without this index each look scanned every customer, so a synced change grew slower with
-- the number of customers.
CREATE INDEX customer_by_primary_contact ON customer (primary_contact_no) WHERE primary_contact_no IS NOT NULL;
