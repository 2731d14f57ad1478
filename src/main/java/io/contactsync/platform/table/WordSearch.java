package io.contactsync.platform.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds, in number order, the records of a table whose search text holds every word of a
 * query. There are two ways to find them, and which is quick depends on how many records
 * hold the words:
 * <ul>
 * <li>walking the records in number order until the page is full: quick for a word many
 * records hold, since the page fills within the first few hundred;</li>
 * <li>gathering every match from the trigram index and sorting them: quick for a word few
 * records hold, and slower the more hold it.</li>
 * </ul>
 * PostgreSQL chooses between them from the sample of the search text that {@code ANALYZE}
 * keeps, but for a word that one record in a thousand holds, that sample sees it about
 * once, and from one {@code ANALYZE} to the next its estimate swings across the point
 * where both ways cost the same. At a million contacts, walking when it should have
 * gathered took 18-26 ms instead of 4-5. So the search looks for itself: it walks the
 * first {@link #WINDOW} records, and when those do not fill the page, the share of them
 * that matched decides how to find the rest (docs/rules.md, "Search").
 */
final class WordSearch {

	/** How many records the first walk reads, at most: about half a millisecond. */
	static final int WINDOW = 1000;

	/**
	 * From one match in this many walked records on, walking on finds the rest of the
	 * page sooner than gathering every match would. At a million records both cost the
	 * same at about one in three hundred; the line is drawn further toward gathering
	 * because gathering wrongly costs in proportion to the matches, and walking wrongly
	 * without bound (a word nobody has is walked through the whole table).
	 */
	static final int WALK_FROM_ONE_IN = 200;

	/**
	 * How the rest of a page was found after the first walk, for tests and benchmarks.
	 */
	enum Way {

		/** The first walk filled the page, or reached the last record. */
		WINDOW,
		/** Walked on in number order: the words are common. */
		WALKED_ON,
		/** Gathered from the trigram index and sorted: the words are rare. */
		GATHERED

	}

	record Found(List<Row> rows, Way way) {
	}

	private final JdbcClient jdbc;

	private final String table;

	private final RowMapper<Row> rows;

	private final int window;

	WordSearch(JdbcClient jdbc, String table, RowMapper<Row> rows, int window) {
		this.jdbc = jdbc;
		this.table = table;
		this.rows = rows;
		this.window = window;
	}

	/**
	 * Up to {@code wanted} records in number order that meet the conditions and hold
	 * every word (each escaped for LIKE).
	 * @param conditions SQL conditions on the table's columns, joined with AND
	 * @param params their named parameters
	 */
	Found find(List<String> conditions, Map<String, Object> params, List<String> words, int wanted) {
		Map<String, Object> all = new LinkedHashMap<>(params);
		List<String> holds = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			holds.add("search_text LIKE '%' || search_key(:q" + i + ") || '%'");
			all.put("q" + i, words.get(i));
		}
		String match = String.join(" AND ", holds);
		List<Walked> walked = firstWalk(conditions, match, all, wanted);
		List<Row> found = new ArrayList<>(walked.stream().filter(Walked::hit).map(Walked::row).toList());
		Walked last = walked.isEmpty() ? null : walked.get(walked.size() - 1);
		if (found.size() >= wanted || last == null || last.walked() < window) {
			return new Found(List.copyOf(found.subList(0, Math.min(found.size(), wanted))), Way.WINDOW);
		}
		boolean walkOn = walkOn(found.size(), window);
		List<String> rest = new ArrayList<>(conditions);
		rest.add("no > :walkedTo");
		rest.add(match);
		all.put("walkedTo", String.valueOf(last.row().get("no")));
		String where = " WHERE " + String.join(" AND ", rest);
		String limit = " LIMIT " + (wanted - found.size());
		// Walking on is left to PostgreSQL, which walks for a common word. Gathering must
		// not walk, whatever the estimate: OFFSET 0 has the inner query planned on its
		// own to fetch all its matches, which the trigram index does, and the outer one
		// sorts.
		String sql = walkOn ? "SELECT * FROM " + table + where + " ORDER BY no" + limit
				: "SELECT * FROM (SELECT * FROM " + table + where + " OFFSET 0) m ORDER BY no" + limit;
		found.addAll(jdbc.sql(sql).params(all).query(rows).list());
		return new Found(List.copyOf(found), walkOn ? Way.WALKED_ON : Way.GATHERED);
	}

	/**
	 * The matches among the first records in number order, and the last of those records
	 * whether it matches or not, for the rest to go on from; a common word stops the walk
	 * as soon as the page is full.
	 */
	private List<Walked> firstWalk(List<String> conditions, String match, Map<String, Object> params, int wanted) {
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		return jdbc
			.sql("SELECT * FROM (SELECT w.*, " + match + " AS search_hit,"
					+ " row_number() OVER (ORDER BY no) AS search_walked FROM (SELECT * FROM " + table + where
					+ " ORDER BY no LIMIT " + window + ") w) p WHERE search_hit OR search_walked = " + window
					+ " ORDER BY no LIMIT " + (wanted + 1))
			.params(params)
			.query((rs, n) -> new Walked(rows.mapRow(rs, n), rs.getBoolean("search_hit"), rs.getLong("search_walked")))
			.list();
	}

	/** Whether {@code hits} matches in {@code walked} records make the words common. */
	static boolean walkOn(int hits, int walked) {
		return (long) hits * WALK_FROM_ONE_IN >= walked;
	}

	private record Walked(Row row, boolean hit, long walked) {
	}

}
