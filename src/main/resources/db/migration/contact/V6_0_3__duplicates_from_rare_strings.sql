-- The companies that share at least hit_percent of a company's search strings.
--
-- A duplicate shares at least m = ceil(k * hit_percent / 100) of the company's k strings, so
-- it misses at most k - m of them and must share at least one of ANY k - m + 1 of them. The
-- candidates are therefore gathered from the k - m + 1 rarest strings only (how rare is
-- counted up to 101 holders), and then each candidate's matching strings are counted
-- exactly. A common string (a city's name) thus costs a bounded probe, not a scan of every
-- company in that city, and the answer is exact as long as the rarest strings have fewer
-- than max_candidates holders. Pairs marked separate are flagged, not left out.
CREATE FUNCTION contact_duplicates(company_no varchar, hit_percent integer, max_candidates integer)
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
		SELECT c.contact_no, count(*)::integer AS matching
		FROM candidates c
		JOIN duplicate_search_string s ON s.contact_no = c.contact_no
		JOIN own o ON o.field = s.field AND o.part = s.part AND o.value = s.value
		GROUP BY c.contact_no
	)
	SELECT h.contact_no, h.matching,
		EXISTS (SELECT 1 FROM separate_contacts p
			WHERE p.contact_no = least(company_no, h.contact_no)
				AND p.other_contact_no = greatest(company_no, h.contact_no))
	FROM hits h, needed n
	WHERE n.k > 0 AND h.matching * 100 >= hit_percent * n.k
$$;
