-- Whether a company has at least one duplicate not marked separate: what a batch job counts.
--
-- The same pigeonhole as contact_duplicates (any k - m + 1 of the company's strings must meet
-- every duplicate), but each candidate is checked as it comes and the search stops at the
-- first duplicate. Which strings are "rare" only steers the work, never the answer, so rarity
-- is probed up to 11 holders, not 101: at 100,000 companies in one city the probes of the
-- common strings (city, post code) were most of a batch job's database time.
CREATE FUNCTION contact_has_duplicate(company_no varchar, hit_percent integer, max_candidates integer)
RETURNS boolean
LANGUAGE sql STABLE
AS $$
	WITH own AS MATERIALIZED (
		SELECT field, part, value FROM duplicate_search_string WHERE contact_no = company_no
	), needed AS MATERIALIZED (
		SELECT count(*)::integer AS k, ceil(count(*) * hit_percent / 100.0)::integer AS m FROM own
	), rare AS MATERIALIZED (
		SELECT o.field, o.part, o.value
		FROM own o
		ORDER BY (SELECT count(*) FROM (SELECT 1 FROM duplicate_search_string s
				WHERE s.field = o.field AND s.part = o.part AND s.value = o.value LIMIT 11) holders),
			o.field, o.part
		LIMIT (SELECT greatest(k - m + 1, 1) FROM needed)
	)
	SELECT EXISTS (
		SELECT 1
		FROM rare r
		CROSS JOIN LATERAL (SELECT s.contact_no FROM duplicate_search_string s
			WHERE s.field = r.field AND s.part = r.part AND s.value = r.value AND s.contact_no <> company_no
			LIMIT max_candidates) c
		CROSS JOIN needed n
		WHERE n.k > 0
			AND (SELECT count(*) FROM duplicate_search_string s
				JOIN own o ON o.field = s.field AND o.part = s.part AND o.value = s.value
				WHERE s.contact_no = c.contact_no) * 100 >= hit_percent * n.k
			AND NOT EXISTS (SELECT 1 FROM separate_contacts p
				WHERE p.contact_no = least(company_no, c.contact_no)
					AND p.other_contact_no = greatest(company_no, c.contact_no))
	)
$$;
