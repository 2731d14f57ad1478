-- A vendor merged into another along with its contact (docs/merge.md, "Merged as records
-- too") stays, blocked, naming the vendor that took its documents.
ALTER TABLE vendor ADD COLUMN merged_into varchar(20)
	CONSTRAINT vendor_not_merged_into_itself CHECK (merged_into <> no);
