package io.contactsync.bench;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows made straight in the database for the benchmarks to work on, as an import would
 * leave them: customers without contacts, and linked contact-customer pairs.
 */
final class Data {

	private Data() {
	}

	/**
	 * The word of row {@code n}: one of 1,000, so a search for one finds a thousandth of
	 * the rows.
	 */
	static final String WORD = "left(md5((n % 1000)::text), 8)";

	/** The word that {@link #WORD} gives the rows whose number ends in 007. */
	static String searchWord(JdbcClient jdbc) {
		return jdbc.sql("SELECT left(md5('7'), 8)").query(String.class).single();
	}

	/** Customers {@code prefix}0000001 and on, without contacts; a third name a person. */
	static void unlinkedCustomers(JdbcClient jdbc, String prefix, int from, int to) {
		jdbc.sql("INSERT INTO customer (no, name, address, city, post_code, phone_no, email, contact)"
				+ " SELECT ? || lpad(n::text, 7, '0'), 'Firma ' || n || ' ' || " + WORD + ", 'Gate ' || n, 'Oslo',"
				+ " '0150', '22' || lpad(n::text, 7, '0'), 'post' || n || '@firma.no',"
				+ " CASE WHEN n % 3 = 0 THEN 'Kari ' || n || ' Nordmann' ELSE '' END"
				+ " FROM generate_series(?, ?) AS n")
			.params(prefix, from, to)
			.update();
	}

	/**
	 * Linked company contacts and customers {@code prefix}C/K0000001 and on, with their
	 * duplicate search strings, as the job would leave them, in slices of 100,000 rows.
	 */
	static void linkedPairs(JdbcClient jdbc, String prefix, int from, int to) {
		if (to - from < 100_000) {
			insertLinkedPairs(jdbc, prefix, from, to);
			settle(jdbc);
			return;
		}
		// A trigram index grows by about 0.4 ms a row when rows come one slice after another;
		// built once over the whole table it costs a small part of that. The indexes are made
		// again from their own definitions, so the benchmark searches what the migrations made.
		List<String> definitions = jdbc
			.sql("SELECT indexdef FROM pg_indexes WHERE tablename IN ('contact', 'customer') AND indexdef LIKE '%gin_trgm_ops%'")
			.query(String.class)
			.list();
		jdbc.sql("SELECT indexname FROM pg_indexes WHERE indexdef = ANY(?)")
			.param(definitions.toArray(String[]::new))
			.query(String.class)
			.list()
			.forEach(index -> jdbc.sql("DROP INDEX " + index).update());
		insertLinkedPairs(jdbc, prefix, from, to);
		// One statement string, so that the setting and the build share a pooled connection.
		definitions.forEach(
				definition -> jdbc.sql("SET maintenance_work_mem = '1GB'; " + definition + "; RESET maintenance_work_mem")
					.update());
		settle(jdbc);
	}

	private static void insertLinkedPairs(JdbcClient jdbc, String prefix, int from, int to) {
		for (int start = from; start <= to; start += 100_000) {
			int end = Math.min(to, start + 99_999);
			jdbc.sql("INSERT INTO contact (no, type, name, company_no, company_name, address, city, post_code,"
					+ " phone_no, email, contact_business_relation) SELECT ? || 'C' || lpad(n::text, 7, '0'), 'COMPANY',"
					+ " 'Firma ' || n || ' ' || " + WORD + ", ? || 'C' || lpad(n::text, 7, '0'),"
					+ " 'Firma ' || n || ' ' || " + WORD + ", 'Gate ' || n, 'Oslo', '0150',"
					+ " '23' || lpad(n::text, 7, '0'), 'post' || n || '@firma.no', 'CUSTOMER'"
					+ " FROM generate_series(?, ?) AS n")
				.params(prefix, prefix, start, end)
				.update();
			jdbc.sql("INSERT INTO customer (no, name, address, city, post_code, phone_no, email, contact_no,"
					+ " primary_contact_no, contact) SELECT ? || 'K' || lpad(n::text, 7, '0'),"
					+ " 'Firma ' || n || ' ' || " + WORD + ", 'Gate ' || n, 'Oslo', '0150', '23' || lpad(n::text, 7, '0'),"
					+ " 'post' || n || '@firma.no', ? || 'C' || lpad(n::text, 7, '0'), ? || 'C' || lpad(n::text, 7, '0'),"
					+ " 'Firma ' || n || ' ' || " + WORD + " FROM generate_series(?, ?) AS n")
				.params(prefix, prefix, prefix, start, end)
				.update();
			jdbc.sql("INSERT INTO contact_business_relation (contact_no, contact_type, contact_standalone,"
					+ " business_relation_code, link_to_table, customer_no) SELECT ? || 'C' || lpad(n::text, 7, '0'),"
					+ " 'COMPANY', false, 'KUNDE', 'CUSTOMER', ? || 'K' || lpad(n::text, 7, '0')"
					+ " FROM generate_series(?, ?) AS n")
				.params(prefix, prefix, start, end)
				.update();
			jdbc.sql("INSERT INTO duplicate_search_string (contact_no, field, part, value)"
					+ " SELECT c.no, f.field, p.part, CASE p.part WHEN 'FIRST' THEN left(f.key, 5) ELSE right(f.key, 5) END"
					+ " FROM contact c CROSS JOIN LATERAL (VALUES ('name', c.name), ('address', c.address),"
					+ " ('city', c.city), ('postCode', c.post_code), ('phoneNo', c.phone_no)) AS v(field, value)"
					+ " CROSS JOIN LATERAL (SELECT v.field, upper(regexp_replace(v.value, '[^[:alnum:]]', '', 'g')) AS key) f"
					+ " CROSS JOIN (VALUES ('FIRST'), ('LAST')) AS p(part)"
					+ " WHERE c.no BETWEEN ? || 'C' || lpad(?::text, 7, '0') AND ? || 'C' || lpad(?::text, 7, '0')"
					+ " AND f.key <> ''")
				.params(prefix, start, prefix, end)
				.update();
		}
	}

	/**
	 * Leaves the database as a system of that size runs day to day rather than just after a
	 * bulk load: vacuumed and analysed, its dirty pages written. Otherwise autovacuum and
	 * the checkpoint work through the new rows while the calls are timed, on the same two
	 * cores.
	 */
	static void settle(JdbcClient jdbc) {
		jdbc.sql("VACUUM (ANALYZE)").update();
		jdbc.sql("CHECKPOINT").update();
	}

}
