-- A merge of contacts may merge their linked customers or vendors too (docs/merge.md,
-- "Merged as records too"): the record that goes is kept, blocked and naming where it went
-- (RECORD_MERGED), and its documents name the other record (DOCUMENT_PARTY); undo puts
-- both back like every other move.
ALTER TABLE contact_merge_move DROP CONSTRAINT contact_merge_move_kind_valid;
ALTER TABLE contact_merge_move ADD CONSTRAINT contact_merge_move_kind_valid CHECK (kind IN ('PERSON',
	'BUSINESS_RELATION', 'BUSINESS_RELATION_DROPPED', 'LINK_REMOVED', 'DOCUMENT', 'INTERACTION',
	'DUPLICATE_MARK', 'PRIMARY_CONTACT', 'ROLE', 'RECORD_MERGED', 'DOCUMENT_PARTY'));
