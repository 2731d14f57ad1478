-- The contacts of a page (a job's thousand new companies) that have a duplicate not marked
-- separate: contact_duplicates' answer for each of them, worked out for the page at once.
-- A company's rarest strings are found by counting the holders of each of its strings (up
-- to 101); the companies of a page share most of theirs (the city, the post code, the
-- phone's prefix, a common first word), so each distinct string is counted once for the
-- page rather than once for every company holding it. The candidates and their judging
-- are those of contact_duplicates, ties between equally rare strings broken the same way,
-- and a company's candidates are judged only until the first duplicate not marked
-- separate. The counted holders are materialised, so that each is counted once and not
-- again for every company it is joined to. A single SELECT, so that the planner inlines
-- it into the caller's query and plans it for the page at hand.
CREATE FUNCTION contacts_with_duplicates(nos varchar[], hit_percent integer, max_candidates integer)
RETURNS TABLE (contact_no varchar)
LANGUAGE sql STABLE
AS $$
	WITH own AS MATERIALIZED (
		SELECT s.contact_no, s.field, s.part, s.value FROM duplicate_search_string s WHERE s.contact_no = ANY(nos)
	), holders AS MATERIALIZED (
		SELECT v.field, v.part, v.value,
			(SELECT count(*) FROM (SELECT 1 FROM duplicate_search_string s
				WHERE s.field = v.field AND s.part = v.part AND s.value = v.value LIMIT 101) h) AS holders
		FROM (SELECT DISTINCT o.field, o.part, o.value FROM own o) v
	), ranked AS (
		SELECT o.contact_no, o.field, o.part, o.value,
			row_number() OVER (PARTITION BY o.contact_no ORDER BY h.holders, o.field, o.part) AS rank,
			count(*) OVER (PARTITION BY o.contact_no) AS k
		FROM own o JOIN holders h ON (h.field, h.part, h.value) = (o.field, o.part, o.value)
	), rare AS (
		SELECT r.contact_no, r.k, array_agg(r.field) AS fields, array_agg(r.part) AS parts,
			array_agg(r.value) AS "values"
		FROM ranked r
		WHERE r.rank <= greatest(r.k - ceil(r.k * hit_percent / 100.0)::integer + 1, 1)
		GROUP BY r.contact_no, r.k
	)
	SELECT r.contact_no
	FROM rare r
	JOIN duplicate_signature mine ON mine.contact_no = r.contact_no
	WHERE EXISTS (
		SELECT 1
		FROM unnest(r.fields, r.parts, r."values") AS w(field, part, value)
		CROSS JOIN LATERAL (SELECT s.contact_no AS candidate_no FROM duplicate_search_string s
			WHERE s.field = w.field AND s.part = w.part AND s.value = w.value AND s.contact_no <> r.contact_no
			LIMIT max_candidates) c
		JOIN duplicate_signature theirs ON theirs.contact_no = c.candidate_no
		WHERE duplicate_strings_shared(theirs.strings, mine.strings) * 100 >= hit_percent * r.k
			AND NOT EXISTS (SELECT 1 FROM separate_contacts p
				WHERE p.contact_no = least(r.contact_no, c.candidate_no)
					AND p.other_contact_no = greatest(r.contact_no, c.candidate_no)))
$$;
