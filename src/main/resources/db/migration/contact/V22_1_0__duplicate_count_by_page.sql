-- The contacts of a page (a job's thousand new companies) that have a duplicate not marked
-- separate: contact_duplicates' answer for each of them, worked out for the page at once.
-- A company's rarest strings are found by counting the holders of each of its strings (up
-- to 101); the companies of a page share most of theirs (the city, the post code, the
-- phone's prefix, a common first word), so each distinct string is counted once for the
-- page rather than once for every company holding it. The candidates and their judging
-- are those of contact_duplicates, ties between equally rare strings broken the same way.
-- A single SELECT, so that the planner inlines it into the caller's query and plans it
-- for the page at hand.
CREATE FUNCTION contacts_with_duplicates(nos varchar[], hit_percent integer, max_candidates integer)
RETURNS TABLE (contact_no varchar)
LANGUAGE sql STABLE
AS $$
	WITH own AS (
		SELECT s.contact_no, s.field, s.part, s.value FROM duplicate_search_string s WHERE s.contact_no = ANY(nos)
	), needed AS (
		SELECT o.contact_no, count(*)::integer AS k, ceil(count(*) * hit_percent / 100.0)::integer AS m
		FROM own o GROUP BY o.contact_no
	), holders AS (
		SELECT v.field, v.part, v.value,
			(SELECT count(*) FROM (SELECT 1 FROM duplicate_search_string s
				WHERE s.field = v.field AND s.part = v.part AND s.value = v.value LIMIT 101) h) AS holders
		FROM (SELECT DISTINCT o.field, o.part, o.value FROM own o) v
	), ranked AS (
		SELECT o.contact_no, o.field, o.part, o.value,
			row_number() OVER (PARTITION BY o.contact_no ORDER BY h.holders, o.field, o.part) AS rank
		FROM own o JOIN holders h ON (h.field, h.part, h.value) = (o.field, o.part, o.value)
	), rare AS (
		SELECT r.contact_no, r.field, r.part, r.value
		FROM ranked r JOIN needed n ON n.contact_no = r.contact_no
		WHERE r.rank <= greatest(n.k - n.m + 1, 1)
	), candidates AS (
		SELECT DISTINCT r.contact_no, c.candidate_no
		FROM rare r
		CROSS JOIN LATERAL (SELECT s.contact_no AS candidate_no FROM duplicate_search_string s
			WHERE s.field = r.field AND s.part = r.part AND s.value = r.value AND s.contact_no <> r.contact_no
			LIMIT max_candidates) c
	)
	SELECT DISTINCT c.contact_no
	FROM candidates c
	JOIN needed n ON n.contact_no = c.contact_no
	JOIN duplicate_signature mine ON mine.contact_no = c.contact_no
	JOIN duplicate_signature theirs ON theirs.contact_no = c.candidate_no
	WHERE duplicate_strings_shared(theirs.strings, mine.strings) * 100 >= hit_percent * n.k
		AND NOT EXISTS (SELECT 1 FROM separate_contacts p
			WHERE p.contact_no = least(c.contact_no, c.candidate_no)
				AND p.other_contact_no = greatest(c.contact_no, c.candidate_no))
$$;
