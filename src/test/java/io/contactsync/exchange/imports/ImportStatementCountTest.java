package io.contactsync.exchange.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a row of an import costs in SQL statements, counted by PostgreSQL itself
 * (pg_stat_statements): the rows of P6 (docs/targets.md), new customers matched by e-mail
 * whose contacts the sync makes, a third with a contact person. Round trips are most of
 * an import's time, so the count per row is the figure to keep down.
 */
class ImportStatementCountTest extends DemoCompanyApiTest {

	private static final int ROWS = 60;

	/** As SyncStatementCountTest: the statements of this database but the timers' own. */
	private static final String OURS = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
			+ " AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE 'UPDATE job %'"
			+ " AND query NOT LIKE '%FROM job %' AND query NOT LIKE '%nextval(pg_get_serial_sequence%'"
			+ " AND query NOT LIKE '%change_feed%' AND query NOT LIKE 'UPDATE change_event e SET position%'"
			+ " AND query NOT LIKE '%webhook_%' AND query NOT LIKE '%outbox_message%'"
			+ " AND query NOT LIKE '%feed_reader%' AND query NOT IN ('BEGIN', 'BEGIN READ ONLY', 'COMMIT', 'ROLLBACK')";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewCustomerRowOfAnImportCostsAFewStatements() {
		jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
		String word = unique();
		StringBuilder csv = new StringBuilder("Navn;Adresse;Postnr.;Poststed;Telefon;E-post;Kontaktperson\r\n");
		for (int i = 1; i <= ROWS; i++) {
			csv.append("Telling ")
				.append(word)
				.append(' ')
				.append(i)
				.append(" AS;Gate ")
				.append(i)
				.append(";0150;Oslo;+47 2")
				.append(String.format("%07d", i))
				.append(";telling")
				.append(i)
				.append('.')
				.append(word)
				.append("@firma.no;")
				.append(i % 3 == 0 ? "Kari " + i + " Nordmann" : "")
				.append("\r\n");
		}
		Api.Response uploaded = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER&fileName=p6.csv",
				"text/csv", csv.toString().getBytes(StandardCharsets.UTF_8), "en");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		long id = uploaded.json().get("id").asLong();
		JsonNode chosen = admin().put("/api/v1/imports/" + id + "/settings", Map.of("mode", "CREATE_ONLY")).json();
		assertThat(chosen.get("matchBy").asString()).isEqualTo("EMAIL");

		jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
		long jobId = admin().post("/api/v1/imports/" + id + "/run", null).json().get("id").asLong();
		// Waited for in SQL, which the count leaves out, rather than through the API.
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jdbc.sql("SELECT finished_at IS NOT NULL FROM job WHERE id = ?")
				.param(jobId)
				.query(Boolean.class)
				.single());
		jdbc.sql("SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements WHERE "
				+ OURS + " ORDER BY calls DESC, query")
			.query((rs, n) -> rs.getLong(1) + " x " + rs.getString(2))
			.list()
			.forEach(line -> System.out.println("  " + line));
		long statements = jdbc.sql("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + OURS)
			.query(Long.class)
			.single();

		JsonNode job = ImportFiles.finished(admin(), admin().get("/api/v1/jobs/" + jobId).json());
		assertThat(job.get("created").asLong()).isEqualTo(ROWS);
		double perRow = (double) statements / ROWS;
		System.out.printf("Statements of an import of %d new customers with their contacts: %d, %.1f a row%n", ROWS,
				statements, perRow);
		// 17 measured (33 before the numbers were drawn in blocks and the page's
		// bookkeeping
		// written at once): the customer, its company (and person) contact with their
		// links, the duplicate search, the lookup by e-mail, the row's savepoint. A
		// statement more a row is a regression to look at, not to wave through.
		assertThat(perRow).as("statements a row").isLessThan(20);
	}

}
