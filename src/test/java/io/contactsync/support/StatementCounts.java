package io.contactsync.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL statements a piece of work costs, counted by PostgreSQL itself
 * (pg_stat_statements, which {@link TestDatabase} loads): the one way the statement-count
 * tests measure, so that their figures compare. A count is of the test context's own
 * database; the counters are the server's, and {@link #reset()} clears them for every
 * database on it.
 */
public final class StatementCounts {

	private static final String THIS_DATABASE = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())";

	/**
	 * The statements of this database but those of the work that runs on timers of its
	 * own, whenever it likes: the job runner looking for work, the change feed's
	 * sequencer numbering committed events, the webhook dispatcher and the mail sender
	 * looking for what is due, and the transactions they open; and but the draw of
	 * change-log numbers, a hundred at a time, which falls into one measurement or
	 * another. A change's own outbox row (INSERT INTO change_event) is counted. A test
	 * may wait for work in SQL on the job table, which this leaves out.
	 */
	private static final String OURS = THIS_DATABASE + " AND query NOT LIKE '%pg_stat_statements%'"
			+ " AND query NOT LIKE 'UPDATE job %' AND query NOT LIKE '%FROM job %'"
			+ " AND query NOT LIKE '%nextval(pg_get_serial_sequence%' AND query NOT LIKE '%change_feed%'"
			+ " AND query NOT LIKE 'UPDATE change_event e SET position%' AND query NOT LIKE '%webhook_%'"
			+ " AND query NOT LIKE '%outbox_message%' AND query NOT LIKE '%feed_reader%'"
			+ " AND query NOT IN ('BEGIN', 'BEGIN READ ONLY', 'COMMIT', 'ROLLBACK')";

	private final JdbcClient jdbc;

	/**
	 * Counts on the database of this client, installing the extension there if need be.
	 */
	public StatementCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
		jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
	}

	/** Starts counting from nothing. */
	public void reset() {
		jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
	}

	/**
	 * The statements since the reset, but those of the work on timers (see
	 * {@link #OURS}).
	 */
	public long sum() {
		return jdbc.sql("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + OURS)
			.query(Long.class)
			.single();
	}

	/**
	 * The statements since the reset that begin with this text (a LIKE pattern), whoever
	 * ran them: the text picks them, and work that runs on a timer (a job's pages) is
	 * counted with them.
	 */
	public long startingWith(String prefix) {
		return jdbc
			.sql("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE ? || '%' AND "
					+ THIS_DATABASE)
			.param(prefix)
			.query(Long.class)
			.single();
	}

	/** Resets, does the work, prints its statements and returns their {@link #sum()}. */
	public long of(String label, Runnable work) {
		reset();
		work.run();
		print(label);
		return sum();
	}

	/**
	 * Prints the statements {@link #sum()} counts, the most called first: where a count
	 * that grew went.
	 */
	public void print(String label) {
		System.out.println(label + ":");
		jdbc.sql("SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements WHERE "
				+ OURS + " ORDER BY calls DESC, query")
			.query((rs, n) -> rs.getLong(1) + " x " + rs.getString(2))
			.list()
			.forEach(line -> System.out.println("  " + line));
	}

	/**
	 * Prints the statements of this database that took the most time, the timers' too:
	 * where the time of work went.
	 */
	public void printSlowest(String label, int limit) {
		System.out.println(label + ":");
		jdbc.sql("SELECT calls, round(total_exec_time::numeric, 1) || ' ms ' || left(regexp_replace(query, '\\s+', ' ',"
				+ " 'g'), 100) FROM pg_stat_statements WHERE " + THIS_DATABASE
				+ " ORDER BY total_exec_time DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> rs.getLong(1) + " x " + rs.getString(2))
			.list()
			.forEach(line -> System.out.println("  " + line));
	}

}
