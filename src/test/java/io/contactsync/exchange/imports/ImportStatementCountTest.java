package io.contactsync.exchange.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.StatementCounts;
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

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewCustomerRowOfAnImportCostsAFewStatements() {
		StatementCounts counts = new StatementCounts(jdbc);
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

		counts.reset();
		long jobId = admin().post("/api/v1/imports/" + id + "/run", null).json().get("id").asLong();
		// Waited for in SQL, which the count leaves out, rather than through the API.
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jdbc.sql("SELECT finished_at IS NOT NULL FROM job WHERE id = ?")
				.param(jobId)
				.query(Boolean.class)
				.single());
		counts.print("An import of " + ROWS + " new customers");
		long statements = counts.sum();

		JsonNode job = ImportFiles.finished(admin(), admin().get("/api/v1/jobs/" + jobId).json());
		assertThat(job.get("created").asLong()).isEqualTo(ROWS);
		double perRow = (double) statements / ROWS;
		System.out.printf("Statements of an import of %d new customers with their contacts: %d, %.1f a row%n", ROWS,
				statements, perRow);
		// 1.8 measured: the lookup of each row's e-mail, and a few statements for all the
		// page's new customers, their contacts, links, duplicate search and change log
		// together (17 a row one at a time, 33 before the numbers were drawn in blocks).
		// A statement more a row is a regression to look at, not to wave through.
		assertThat(perRow).as("statements a row").isLessThan(3);
	}

}
