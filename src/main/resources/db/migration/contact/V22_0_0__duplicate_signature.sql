-- Each company's search strings also as one row: an array of twelve slots, two (FIRST, LAST)
-- for each field in the order duplicate_signature_slot gives, empty where the company has
-- no string. contact_duplicates judges a candidate by comparing two such rows, one key
-- lookup, instead of reading the candidate's strings one index entry and row at a time:
-- that matching was the larger part of a duplicate count. duplicate_search_string stays
-- the source; the triggers below keep the signature in step with it in the same statement.

-- A string's field is one the signature has a slot for.
ALTER TABLE duplicate_search_string ADD CONSTRAINT duplicate_search_string_field_known
	CHECK (field IN ('name', 'address', 'city', 'postCode', 'phoneNo', 'vatRegistrationNo'));

CREATE FUNCTION duplicate_signature_slot(field varchar, part varchar) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT array_position(ARRAY['name', 'address', 'city', 'postCode', 'phoneNo', 'vatRegistrationNo']::varchar[],
		field) * 2 - (part = 'FIRST')::integer
$$;

CREATE TABLE duplicate_signature (
	contact_no varchar(20) PRIMARY KEY REFERENCES contact (no) ON DELETE CASCADE,
	strings    varchar(5)[] NOT NULL CONSTRAINT duplicate_signature_twelve_slots
		CHECK (cardinality(strings) = 12 AND array_lower(strings, 1) = 1)
);

-- How many slots two signatures share (an empty slot matches nothing). One expression, so
-- that the planner inlines it into contact_duplicates.
CREATE FUNCTION duplicate_strings_shared(a varchar[], b varchar[]) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT num_nonnulls(nullif(a[1] = b[1], false), nullif(a[2] = b[2], false), nullif(a[3] = b[3], false),
		nullif(a[4] = b[4], false), nullif(a[5] = b[5], false), nullif(a[6] = b[6], false),
		nullif(a[7] = b[7], false), nullif(a[8] = b[8], false), nullif(a[9] = b[9], false),
		nullif(a[10] = b[10], false), nullif(a[11] = b[11], false), nullif(a[12] = b[12], false))
$$;

-- Writes the signatures of these contacts anew from their strings; a contact left without
-- strings loses its signature. One generic plan for any number of contacts: planned anew
-- for each call, the twelve aggregates cost more than the work.
CREATE FUNCTION duplicate_signature_rewrite(nos varchar[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
	DELETE FROM duplicate_signature d WHERE d.contact_no = ANY(nos)
		AND NOT EXISTS (SELECT 1 FROM duplicate_search_string s WHERE s.contact_no = d.contact_no);
	INSERT INTO duplicate_signature AS d (contact_no, strings)
	SELECT contact_no, ARRAY[
			max(value) FILTER (WHERE field = 'name' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'name' AND part = 'LAST'),
			max(value) FILTER (WHERE field = 'address' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'address' AND part = 'LAST'),
			max(value) FILTER (WHERE field = 'city' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'city' AND part = 'LAST'),
			max(value) FILTER (WHERE field = 'postCode' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'postCode' AND part = 'LAST'),
			max(value) FILTER (WHERE field = 'phoneNo' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'phoneNo' AND part = 'LAST'),
			max(value) FILTER (WHERE field = 'vatRegistrationNo' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'vatRegistrationNo' AND part = 'LAST')]::varchar(5)[]
	FROM duplicate_search_string WHERE contact_no = ANY(nos)
	GROUP BY contact_no
	ON CONFLICT (contact_no) DO UPDATE SET strings = EXCLUDED.strings
		WHERE d.strings IS DISTINCT FROM EXCLUDED.strings;
END
$$;

-- Inserts come in bulk (a job's page of companies): once a statement, the signatures are
-- built from the rows it inserted, without reading the table again. An inserted string
-- fills a slot that was empty (the table's key is the slot), so a contact that already had
-- a signature keeps its other slots.
CREATE FUNCTION duplicate_signature_after_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	INSERT INTO duplicate_signature AS d (contact_no, strings)
	SELECT contact_no, ARRAY[
			max(value) FILTER (WHERE field = 'name' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'name' AND part = 'LAST'),
			max(value) FILTER (WHERE field = 'address' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'address' AND part = 'LAST'),
			max(value) FILTER (WHERE field = 'city' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'city' AND part = 'LAST'),
			max(value) FILTER (WHERE field = 'postCode' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'postCode' AND part = 'LAST'),
			max(value) FILTER (WHERE field = 'phoneNo' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'phoneNo' AND part = 'LAST'),
			max(value) FILTER (WHERE field = 'vatRegistrationNo' AND part = 'FIRST'),
			max(value) FILTER (WHERE field = 'vatRegistrationNo' AND part = 'LAST')]::varchar(5)[]
	FROM written
	GROUP BY contact_no
	ON CONFLICT (contact_no) DO UPDATE SET strings = ARRAY[
			coalesce(EXCLUDED.strings[1], d.strings[1]), coalesce(EXCLUDED.strings[2], d.strings[2]), coalesce(EXCLUDED.strings[3], d.strings[3]),
			coalesce(EXCLUDED.strings[4], d.strings[4]), coalesce(EXCLUDED.strings[5], d.strings[5]), coalesce(EXCLUDED.strings[6], d.strings[6]),
			coalesce(EXCLUDED.strings[7], d.strings[7]), coalesce(EXCLUDED.strings[8], d.strings[8]), coalesce(EXCLUDED.strings[9], d.strings[9]),
			coalesce(EXCLUDED.strings[10], d.strings[10]), coalesce(EXCLUDED.strings[11], d.strings[11]), coalesce(EXCLUDED.strings[12], d.strings[12])]::varchar(5)[];
	RETURN NULL;
END
$$;

-- Deletes come in bulk too (a merged or deleted contact, a changed contact's strings):
-- the contacts they touched are written anew.
CREATE FUNCTION duplicate_signature_after_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	nos varchar[] := ARRAY(SELECT DISTINCT contact_no FROM gone);
BEGIN
	IF cardinality(nos) > 0 THEN
		PERFORM duplicate_signature_rewrite(nos);
	END IF;
	RETURN NULL;
END
$$;

-- Updates come one company at a time (a changed phone): its slot is set in place.
CREATE FUNCTION duplicate_signature_after_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF (NEW.contact_no, NEW.field, NEW.part) = (OLD.contact_no, OLD.field, OLD.part) THEN
		UPDATE duplicate_signature SET strings[duplicate_signature_slot(NEW.field, NEW.part)] = NEW.value
		WHERE contact_no = NEW.contact_no;
	ELSE
		PERFORM duplicate_signature_rewrite(ARRAY[OLD.contact_no, NEW.contact_no]);
	END IF;
	RETURN NULL;
END
$$;

CREATE TRIGGER duplicate_signature_on_insert AFTER INSERT ON duplicate_search_string
	REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION duplicate_signature_after_insert();
CREATE TRIGGER duplicate_signature_on_delete AFTER DELETE ON duplicate_search_string
	REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION duplicate_signature_after_delete();
CREATE TRIGGER duplicate_signature_on_update AFTER UPDATE ON duplicate_search_string
	FOR EACH ROW EXECUTE FUNCTION duplicate_signature_after_update();

SELECT duplicate_signature_rewrite(ARRAY(SELECT DISTINCT contact_no FROM duplicate_search_string));

-- The same answer as before, each candidate judged by its signature.
CREATE OR REPLACE FUNCTION contact_duplicates(company_no varchar, hit_percent integer, max_candidates integer)
RETURNS TABLE (duplicate_no varchar, matching integer, separate boolean)
LANGUAGE sql STABLE
AS $$
	WITH own AS (
		SELECT field, part, value FROM duplicate_search_string WHERE contact_no = company_no
	), needed AS (
		SELECT count(*)::integer AS k, ceil(count(*) * hit_percent / 100.0)::integer AS m FROM own
	), ranked AS (
		SELECT o.field, o.part, o.value,
			(SELECT count(*) FROM (SELECT 1 FROM duplicate_search_string s
				WHERE s.field = o.field AND s.part = o.part AND s.value = o.value LIMIT 101) holders) AS holders
		FROM own o
	), rare AS (
		SELECT field, part, value FROM ranked ORDER BY holders, field, part
		LIMIT (SELECT greatest(k - m + 1, 1) FROM needed)
	), candidates AS (
		SELECT DISTINCT c.contact_no
		FROM rare r
		CROSS JOIN LATERAL (SELECT s.contact_no FROM duplicate_search_string s
			WHERE s.field = r.field AND s.part = r.part AND s.value = r.value AND s.contact_no <> company_no
			LIMIT max_candidates) c
	), hits AS (
		SELECT c.contact_no, duplicate_strings_shared(theirs.strings, mine.strings) AS matching
		FROM candidates c
		JOIN duplicate_signature theirs ON theirs.contact_no = c.contact_no
		CROSS JOIN duplicate_signature mine
		WHERE mine.contact_no = company_no
	)
	SELECT h.contact_no, h.matching,
		EXISTS (SELECT 1 FROM separate_contacts p
			WHERE p.contact_no = least(company_no, h.contact_no)
				AND p.other_contact_no = greatest(company_no, h.contact_no))
	FROM hits h, needed n
	WHERE n.k > 0 AND h.matching * 100 >= hit_percent * n.k
$$;
