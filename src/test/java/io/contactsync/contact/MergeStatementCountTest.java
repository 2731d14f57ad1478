package io.contactsync.contact;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a merge of two companies costs in SQL statements, counted by PostgreSQL itself
 * (pg_stat_statements), with few and with many documents and interactions to move (M1 of
 * docs/targets.md): the moved rows are moved, logged and published set by set, so the
 * count must not grow with them.
 */
class MergeStatementCountTest extends DemoCompanyApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aMergeCostsTheSameStatementsHoweverManyRowsItMoves() {
		jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
		statementsOfMerge(3); // warms the caches (change-log numbers, setup) out of the
								// count
		long few = statementsOfMerge(3);
		long many = statementsOfMerge(60);

		System.out.printf("Statements of a merge of two companies: %d moving 12 rows, %d moving 240 rows%n", few, many);
		assertThat(many).isEqualTo(few);
	}

	/**
	 * The statements of a merge of two companies with {@code n} documents and {@code n}
	 * interactions each: the merged one's move, 2n rows.
	 */
	private long statementsOfMerge(int n) {
		String tag = unique();
		String survivor = no(company("Telling " + tag + " AS"));
		String merged = no(company("Telling " + tag + " A/S"));
		for (String contact : List.of(survivor, merged)) {
			jdbc.sql("INSERT INTO document (kind, no, document_date, contact_no, party_name, description)"
					+ " SELECT 'SALES_QUOTE', ? || lpad(n::text, 6, '0'), current_date, ?, 'Telling', 'Tilbud ' || n"
					+ " FROM generate_series(1, ?) AS n")
				.params("Q" + contact, contact, n)
				.update();
			jdbc.sql("INSERT INTO interaction_log_entry (contact_no, contact_company_no, contact_name, date, time,"
					+ " interaction_template_code, description, information_flow, initiated_by, user_id)"
					+ " SELECT ?, ?, 'Telling', current_date, localtime, 'TELEFON', 'Samtale ' || n, 'OUTBOUND',"
					+ " 'US', 'test' FROM generate_series(1, ?) AS n")
				.params(contact, contact, n)
				.update();
		}
		jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
		Api.Response done = admin().post("/api/v1/contacts/merge",
				Map.of("contactNos", List.of(survivor, merged), "survivorNo", survivor));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.json().get("moves").size()).isEqualTo(2 * n);
		jdbc.sql("SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements WHERE "
				+ OURS + " ORDER BY calls DESC, query")
			.query((rs, i) -> rs.getLong(1) + " x " + rs.getString(2))
			.list()
			.forEach(line -> System.out.println("  " + line));
		return jdbc.sql("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + OURS)
			.query(Long.class)
			.single();
	}

	/**
	 * This database's statements but those of the work on timers of its own (jobs, the
	 * change feed's sequencer, webhooks, mail) and the draw of change-log numbers, a
	 * hundred at a time, which falls into one measurement or another (as in
	 * SyncStatementCountTest).
	 */
	private static final String OURS = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
			+ " AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE 'UPDATE job %'"
			+ " AND query NOT LIKE '%FROM job %' AND query NOT LIKE '%nextval(pg_get_serial_sequence%'"
			+ " AND query NOT LIKE '%change_feed%' AND query NOT LIKE 'UPDATE change_event e SET position%'"
			+ " AND query NOT LIKE '%webhook_%' AND query NOT LIKE '%outbox_message%'"
			+ " AND query NOT LIKE '%feed_reader%' AND query NOT IN ('BEGIN', 'BEGIN READ ONLY', 'COMMIT', 'ROLLBACK')";

}
