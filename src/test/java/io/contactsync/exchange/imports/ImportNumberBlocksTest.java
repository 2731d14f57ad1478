package io.contactsync.exchange.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/import.md, "Run": a page draws its numbers in blocks, and a row that is rolled
 * back gives its numbers back; the series keep no gap, and their last number used is the
 * last one a record holds.
 */
class ImportNumberBlocksTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRowRolledBackGivesItsNumbersBackAndTheSeriesKeepNoGap() {
		String word = unique();
		String customers = jdbc.sql("SELECT customer_nos FROM numbering_setup").query(String.class).single();
		String contacts = jdbc.sql("SELECT contact_nos FROM marketing_setup").query(String.class).single();
		String customerBefore = lastNoUsed(customers);
		String contactBefore = lastNoUsed(contacts);
		String csv = "Navn;Telefon;Kontaktperson\r\n" //
				+ "Blokk " + word + " AS;;Kari Blokk\r\n" //
				+ "Feil " + word + " AS;telefon;Ola Feil\r\n" //
				+ "Blokk to " + word + " AS;;\r\n" //
				+ "Blokk tre " + word + " AS;;Per Blokk\r\n";
		Api.Response uploaded = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8), "en");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		long id = uploaded.json().get("id").asLong();
		admin().put("/api/v1/imports/" + id + "/settings", Map.of("mode", "CREATE_ONLY"));

		JsonNode job = ImportFiles.finished(admin(), admin().post("/api/v1/imports/" + id + "/run", null).json());

		assertThat(job.get("created").asLong()).isEqualTo(3);
		assertThat(job.get("failed").asLong()).isEqualTo(1);
		List<String> madeCustomers = jdbc
			.sql("SELECT no FROM import_record WHERE import_id = ? AND record_type = 'CUSTOMER' ORDER BY no")
			.param(id)
			.query(String.class)
			.list();
		List<String> madeContacts = jdbc
			.sql("SELECT k.no FROM contact k JOIN import_record r ON r.no IN (k.no, k.company_no) WHERE r.import_id = ?"
					+ " AND r.record_type = 'CONTACT' ORDER BY k.no")
			.param(id)
			.query(String.class)
			.list();
		assertThat(madeCustomers).as("the failed row's number went to the next row")
			.isEqualTo(following(customerBefore, 3, increment(customers)));
		assertThat(lastNoUsed(customers)).as("the rest of the block given back")
			.isEqualTo(madeCustomers.get(madeCustomers.size() - 1));
		assertThat(madeContacts).as("three companies and two people, in a row")
			.isEqualTo(following(contactBefore, 5, increment(contacts)));
		assertThat(lastNoUsed(contacts)).isEqualTo(madeContacts.get(madeContacts.size() - 1));
	}

	@Test
	void aDryRunDrawsNothing() {
		String customers = jdbc.sql("SELECT customer_nos FROM numbering_setup").query(String.class).single();
		String before = lastNoUsed(customers);
		String csv = "Navn\r\nTørrløp " + unique() + " AS\r\n";
		Api.Response uploaded = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8), "en");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		long id = uploaded.json().get("id").asLong();
		admin().put("/api/v1/imports/" + id + "/settings", Map.of("mode", "CREATE_ONLY"));

		JsonNode dryRun = admin().post("/api/v1/imports/" + id + "/dry-run", null).json();

		assertThat(dryRun.get("results").get(0).get("action").asString()).isEqualTo("CREATE");
		assertThat(lastNoUsed(customers)).isEqualTo(before);
	}

	private String lastNoUsed(String series) {
		return jdbc.sql("SELECT last_no_used FROM number_series WHERE code = ?")
			.param(series)
			.query(String.class)
			.single();
	}

	private int increment(String series) {
		return jdbc.sql("SELECT increment_by FROM number_series WHERE code = ?")
			.param(series)
			.query(Integer.class)
			.single();
	}

	/** The next numbers of a series after one, counting up its trailing digits. */
	private static List<String> following(String last, int count, int increment) {
		int digits = 0;
		while (digits < last.length() && Character.isDigit(last.charAt(last.length() - 1 - digits))) {
			digits++;
		}
		String prefix = last.substring(0, last.length() - digits);
		long value = Long.parseLong(last.substring(prefix.length()));
		List<String> numbers = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			numbers.add(prefix + String.format("%0" + digits + "d", value + (long) i * increment));
		}
		return numbers;
	}

}
