-- A customer merged into another along with its contact (docs/merge.md, "Merged as records
-- too") stays, blocked, naming the customer that took its documents (a number, like a merged
-- contact's mergedInto: the customer named may be deleted later, the history stays).
ALTER TABLE customer ADD COLUMN merged_into varchar(20)
	CONSTRAINT customer_not_merged_into_itself CHECK (merged_into <> no);
