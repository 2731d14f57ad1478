package io.contactsync.contact;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.StatementCounts;
import org.junit.jupiter.api.BeforeEach;
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

	private StatementCounts statements;

	@BeforeEach
	void countStatements() {
		statements = new StatementCounts(jdbc);
	}

	@Test
	void aMergeCostsTheSameStatementsHoweverManyRowsItMoves() {
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
		statements.reset();
		Api.Response done = admin().post("/api/v1/contacts/merge",
				Map.of("contactNos", List.of(survivor, merged), "survivorNo", survivor));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.json().get("moves").size()).isEqualTo(2 * n);
		statements.print("A merge of two companies with " + n + " documents and " + n + " interactions each");
		return statements.sum();
	}

}
