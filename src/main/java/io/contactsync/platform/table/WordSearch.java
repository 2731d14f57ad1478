package io.contactsync.platform.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactsync.platform.Page;
import org.jspecify.annotations.Nullable;

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
 * PostgreSQL would choose between them from the sample of the search text that
 * {@code ANALYZE} keeps, but for a word that one record in a thousand holds, that sample
 * sees it about once, and from one {@code ANALYZE} to the next its estimate swings across
 * the point where both ways cost the same: at a million contacts, two benchmark runs
 * walked the key for 18.8 and 25.8 ms where gathering took 4.5-4.7. So the search looks
 * for itself: it walks the first {@link #WINDOW} records, and when those do not fill the
 * page, the share of them that matched decides how to find the rest (docs/rules.md,
 * "Search"). Each statement's plan is fixed by its form, whatever PostgreSQL estimates.
 */
final class WordSearch {

	/** How many records the first walk reads, at most: about a millisecond. */
	static final int WINDOW = 1000;

	/**
	 * From one match in this many walked records on, walking on finds the rest of the
	 * page sooner than gathering every match would; walking on then reads at most this
	 * many records for each one the page still wants. At a million records both ways cost
	 * the same at about one match in three hundred; the line is drawn nearer to
	 * gathering, whose cost grows with the matches only, while a walk that finds little
	 * reads its whole bound before the matches are gathered anyway.
	 */
	static final int WALK_FROM_ONE_IN = 200;

	/** How the last of a page was found, for the tests. */
	enum Way {

		/** The first walk filled the page, or reached the last record. */
		WINDOW,
		/** Walked on in number order: the words are common. */
		WALKED_ON,
		/** Gathered from the trigram index and sorted: the words are rare. */
		GATHERED

	}

	/**
	 * The numbers found, in number order, and the records read for them: a record
	 * deleted, or changed so that it no longer matches, between finding and reading is
	 * missing from the records but not from the numbers, which say where the next page
	 * begins.
	 */
	record Found(List<String> nos, List<Row> rows, Way way) {

		/**
		 * A page of {@code size} records, from the {@code size + 1} numbers asked for.
		 */
		Page<Row> page(int size) {
			Page<String> numbers = Page.of(nos, size, no -> no);
			Set<String> shown = Set.copyOf(numbers.items());
			return new Page<>(rows.stream().filter(row -> shown.contains(String.valueOf(row.get("no")))).toList(),
					numbers.next());
		}

	}

	private final JdbcClient jdbc;

	private final String table;

	private final RowMapper<Row> rows;

	private final int window;

	private final int walkFromOneIn;

	WordSearch(JdbcClient jdbc, String table, RowMapper<Row> rows) {
		this(jdbc, table, rows, WINDOW, WALK_FROM_ONE_IN);
	}

	/** With a first walk and a share of its own, for tests on a few records. */
	WordSearch(JdbcClient jdbc, String table, RowMapper<Row> rows, int window, int walkFromOneIn) {
		this.jdbc = jdbc;
		this.table = table;
		this.rows = rows;
		this.window = window;
		this.walkFromOneIn = walkFromOneIn;
	}

	/**
	 * Up to {@code wanted} records in number order that meet the conditions and hold
	 * every word.
	 * @param conditions SQL conditions on the table's columns, joined with AND
	 * @param params their named parameters
	 * @param words at least one, each escaped for LIKE
	 */
	Found find(List<String> conditions, Map<String, Object> params, List<String> words, int wanted) {
		if (words.isEmpty()) {
			throw new IllegalArgumentException("a search needs a word");
		}
		Map<String, Object> all = new LinkedHashMap<>(params);
		List<String> holds = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			// The pattern as a sub-select is worked out once per statement, and leaves
			// the plans the same whatever the word; written in line, a statement kept
			// prepared with a generic plan works out search_key (unaccent) again for
			// every row read.
			holds.add("search_text LIKE (SELECT '%' || search_key(:q" + i + ") || '%')");
			all.put("q" + i, words.get(i));
		}
		String holdsAll = String.join(" AND ", holds);
		List<String> match = new ArrayList<>(conditions);
		match.add(holdsAll);
		Walk first = walk(conditions, holdsAll, all, window, wanted);
		List<String> found = new ArrayList<>(first.matches());
		if (found.size() >= wanted || first.walkedTo() == null) {
			return read(found, match, null, all, 0, Way.WINDOW);
		}
		List<String> after = new ArrayList<>(conditions);
		after.add("no > :walkedTo");
		all.put("walkedTo", first.walkedTo());
		if ((long) found.size() * walkFromOneIn >= window) {
			// At the least share of matches that walks on, this walk holds the rest of
			// the page; if the matches thin out so that it does not, they are gathered.
			Walk more = walk(after, holdsAll, all, walkFromOneIn * (wanted - found.size()), wanted - found.size());
			found.addAll(more.matches());
			if (found.size() >= wanted || more.walkedTo() == null) {
				return read(found, match, null, all, 0, Way.WALKED_ON);
			}
			all.put("walkedTo", more.walkedTo());
		}
		after.add(holdsAll);
		return read(found, match, String.join(" AND ", after), all, wanted - found.size(), Way.GATHERED);
	}

	/**
	 * Walks at most {@code bound} records in number order and takes up to {@code wanted}
	 * matches among them, stopping as soon as it has them. The inner query's limit has it
	 * read along the key whatever the estimate; numbering the records walked tells where
	 * the walk ended, for the rest to go on from. It reads only the number and the search
	 * text: carrying whole records through the numbering cost more than the walk itself.
	 */
	private Walk walk(List<String> conditions, String holds, Map<String, Object> params, int bound, int wanted) {
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		List<Walked> walked = jdbc
			.sql("SELECT * FROM (SELECT no, " + holds + " AS hit, row_number() OVER (ORDER BY no) AS walked"
					+ " FROM (SELECT no, search_text FROM " + table + where + " ORDER BY no LIMIT " + bound
					+ ") w) p WHERE hit OR walked = " + bound + " ORDER BY no LIMIT " + (wanted + 1))
			.params(params)
			.query((rs, n) -> new Walked(rs.getString("no"), rs.getBoolean("hit"), rs.getLong("walked")))
			.list();
		List<String> matches = walked.stream().filter(Walked::hit).map(Walked::no).limit(wanted).toList();
		Walked last = walked.isEmpty() ? null : walked.get(walked.size() - 1);
		// Fewer matches than wanted, and the last record read is the bound'th: the walk
		// stopped at its bound, not at the end of the table.
		boolean stoppedShort = matches.size() < wanted && last != null && last.walked() == bound;
		return new Walk(matches, stoppedShort ? last.no() : null);
	}

	/**
	 * Reads the records the walks found, by number, as they stand now (still meeting
	 * {@code match}); with {@code gather}, also up to {@code more} of those after them
	 * that meet it. OFFSET 0 has the gathering planned on its own, to fetch all its
	 * matches, which the trigram index does, and the outer query sorts them; without it,
	 * the sort and the limit could have PostgreSQL walk the key instead. The sort carries
	 * each match's number and place (ctid) only, and the page's records are then read at
	 * their places: sorting whole records cost a sixth more for a thousand matches. A
	 * statement sees one snapshot, so a place names the very version that matched.
	 */
	private Found read(List<String> found, List<String> match, @Nullable String gather, Map<String, Object> params,
			int more, Way way) {
		if (found.isEmpty() && gather == null) {
			return new Found(List.of(), List.of(), way);
		}
		Map<String, Object> all = new LinkedHashMap<>(params);
		all.put("found", found.toArray(String[]::new));
		String sql = "SELECT * FROM " + table + " WHERE no = ANY(:found) AND " + String.join(" AND ", match);
		if (gather != null) {
			sql = "(" + sql + ") UNION ALL (SELECT * FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM"
					+ " (SELECT ctid, no FROM " + table + " WHERE " + gather + " OFFSET 0) m ORDER BY no LIMIT " + more
					+ ")))";
			// Planned for its values every time (0.3 to 0.5 ms): the generic plan that
			// PostgreSQL settles on for a prepared statement guesses where the walk
			// stopped, and on 10,000 contacts it read the whole table (7.5 ms and 438
			// buffers a search, against 1.0 ms and 73). SET LOCAL holds until the
			// transaction ends; every list runs in one (@Transactional(readOnly = true)).
			jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		}
		List<Row> read = jdbc.sql(sql + " ORDER BY no").params(all).query(rows).list();
		List<String> nos = new ArrayList<>(found);
		Set<String> walked = Set.copyOf(found);
		// What was gathered comes after all that was walked.
		read.stream().map(row -> String.valueOf(row.get("no"))).filter(no -> !walked.contains(no)).forEach(nos::add);
		return new Found(List.copyOf(nos), List.copyOf(read), way);
	}

	/** A walk's matches, and where it stopped short of the table's end, if it did. */
	private record Walk(List<String> matches, @Nullable String walkedTo) {
	}

	private record Walked(String no, boolean hit, long walked) {
	}

}
