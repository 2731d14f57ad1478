package io.contactsync.contact;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.contactsync.platform.Problems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The numbers of merged contacts, which stay known: where each went (through later merges
 * of its survivor too), and that no series hands them out again (docs/merge.md).
 */
@Component
class MergedNumbers {

	/** Survivors merged in turn are followed this far, which no real chain reaches. */
	private static final int MAX_CHAIN = 20;

	private final JdbcClient jdbc;

	MergedNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The contact a merged number lives on in now; empty for a number never merged. */
	Optional<String> survivorOf(String no) {
		return jdbc
			.sql("WITH RECURSIVE chain(no, merged_into, depth) AS (SELECT no, merged_into, 1 FROM merged_contact"
					+ " WHERE no = :no UNION ALL SELECT m.no, m.merged_into, c.depth + 1 FROM merged_contact m"
					+ " JOIN chain c ON m.no = c.merged_into WHERE c.depth < :max)"
					+ " SELECT merged_into FROM chain ORDER BY depth DESC LIMIT 1")
			.param("no", no)
			.param("max", MAX_CHAIN)
			.query(String.class)
			.optional();
	}

	/**
	 * What answers for a number no contact has: 404 MERGED naming the survivor, or the
	 * plain 404.
	 */
	RuntimeException notFound(String no, Problems.NotFound notFound) {
		return survivorOf(no).<RuntimeException>map(into -> new MergeProblems.Merged(no, into)).orElse(notFound);
	}

	/**
	 * Those of {@code nos} that contacts hold, or held before they were merged into
	 * another, for a series to pass over: one statement for both, as every new contact
	 * asks.
	 */
	Set<String> held(List<String> nos) {
		String[] asked = nos.toArray(String[]::new);
		return new HashSet<>(jdbc
			.sql("SELECT no FROM contact WHERE no = ANY(:nos)"
					+ " UNION ALL SELECT no FROM merged_contact WHERE no = ANY(:nos)")
			.param("nos", asked)
			.query(String.class)
			.list());
	}

}
