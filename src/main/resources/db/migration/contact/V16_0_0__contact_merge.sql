-- Merges of contacts (docs/merge.md): what each merge did, so that it can be undone within
-- 30 days, and the numbers of the merged contacts, which stay known (reading one answers
-- where it went) and are never handed out again.
CREATE TABLE contact_merge (
	id               bigserial PRIMARY KEY,
	survivor_no      varchar(20) NOT NULL,
	merged_nos       varchar(20)[] NOT NULL
		CONSTRAINT contact_merge_one_to_nine CHECK (cardinality(merged_nos) BETWEEN 1 AND 9),
	merged_at        timestamptz NOT NULL DEFAULT now(),
	merged_by        varchar(100) NOT NULL,
	origin           varchar(10) NOT NULL,
	-- The change-log entry that every change of the merge names as its cause.
	entry_no         bigint NOT NULL,
	-- The survivor's version after the merge, and its fields' values before it.
	survivor_version bigint NOT NULL,
	survivor_before  jsonb NOT NULL DEFAULT '{}',
	undone_at        timestamptz,
	undone_by        varchar(100),
	CONSTRAINT contact_merge_undone_by_someone CHECK ((undone_at IS NULL) = (undone_by IS NULL))
);
CREATE INDEX contact_merge_by_survivor ON contact_merge (survivor_no, id);

-- What a merge moved from a merged contact to the survivor, one row per record, with the
-- version the record had after the move and what it held before: undo puts back only
-- what nothing has changed since.
CREATE TABLE contact_merge_move (
	merge_id      bigint NOT NULL REFERENCES contact_merge (id),
	seq           integer NOT NULL,
	kind          varchar(30) NOT NULL CONSTRAINT contact_merge_move_kind_valid CHECK (kind IN ('PERSON',
		'BUSINESS_RELATION', 'BUSINESS_RELATION_DROPPED', 'LINK_REMOVED', 'DOCUMENT', 'INTERACTION',
		'DUPLICATE_MARK', 'PRIMARY_CONTACT', 'ROLE')),
	key           varchar(100) NOT NULL,
	from_no       varchar(20) NOT NULL,
	version_after bigint,
	before        jsonb NOT NULL DEFAULT '{}',
	PRIMARY KEY (merge_id, seq)
);

-- The numbers of merged contacts: where each went, and the contact as it was.
CREATE TABLE merged_contact (
	no           varchar(20) PRIMARY KEY,
	merged_into  varchar(20) NOT NULL,
	merge_id     bigint NOT NULL REFERENCES contact_merge (id),
	last_version bigint NOT NULL,
	snapshot     jsonb NOT NULL,
	CONSTRAINT merged_contact_not_into_itself CHECK (no <> merged_into)
);
CREATE INDEX merged_contact_by_merge ON merged_contact (merge_id);

-- A merged number is never a contact's again, whoever inserts it (docs/rules.md, "Numbers":
-- numbers are never reused); undoing the merge removes the mark before the contact returns.
CREATE FUNCTION contact_number_not_merged() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM merged_contact WHERE no = NEW.no) THEN
		RAISE unique_violation USING MESSAGE = 'contact number ' || NEW.no || ' was merged into another contact',
			CONSTRAINT = 'contact_number_not_merged';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER contact_number_not_merged BEFORE INSERT ON contact
	FOR EACH ROW EXECUTE FUNCTION contact_number_not_merged();
