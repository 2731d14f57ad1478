-- Whether a company has a duplicate not marked separate: what a batch job counts of the
-- companies it made. The candidates are those of contact_duplicates (gathered from the
-- company's k - m + 1 rarest strings), but each is counted on its own and the search stops
-- at the first that shares enough strings, where contact_duplicates counts every
-- candidate's strings to rank them all. On companies that look alike (a chain's branches,
-- a job's look-alike records) that is one candidate counted instead of up to
-- max_candidates; a company with no duplicate costs what it did.
CREATE FUNCTION contact_has_duplicates(company_no varchar, hit_percent integer, max_candidates integer)
RETURNS boolean
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
	)
	SELECT EXISTS (
		SELECT 1
		FROM needed n, rare r
		CROSS JOIN LATERAL (SELECT s.contact_no FROM duplicate_search_string s
			WHERE s.field = r.field AND s.part = r.part AND s.value = r.value AND s.contact_no <> company_no
			LIMIT max_candidates) c
		WHERE n.k > 0
			AND (SELECT count(*) FROM duplicate_search_string s
				JOIN own o ON o.field = s.field AND o.part = s.part AND o.value = s.value
				WHERE s.contact_no = c.contact_no) * 100 >= hit_percent * n.k
			AND NOT EXISTS (SELECT 1 FROM separate_contacts p
				WHERE p.contact_no = least(company_no, c.contact_no)
					AND p.other_contact_no = greatest(company_no, c.contact_no)))
$$;
