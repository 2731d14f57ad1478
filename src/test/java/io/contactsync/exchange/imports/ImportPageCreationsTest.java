package io.contactsync.exchange.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.StatementCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/import.md, "Run": the new customers of a page are created together, and each row
 * does and says exactly what it does alone. The dry run does its rows one at a time, on
 * the same data, so its answer is what the run's rows must say; and a customer made by
 * the run is what the API makes of the same values.
 */
class ImportPageCreationsTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	private StatementCounts counts;

	@BeforeEach
	void counting() {
		counts = new StatementCounts(jdbc);
	}

	private static final String HEADER = "Navn;Adresse;Postnr.;Poststed;Telefon;E-post;Kontaktperson\r\n";

	@Test
	void rowsCreatedTogetherSayWhatTheyWouldSayOneAtATime() {
		String word = unique();
		String csv = HEADER //
				+ "Lunde " + word + " AS;Kaigata 1;0150;Oslo;+47 22 10 00 01;lunde." + word + "@firma.no;\r\n" + "Alke "
				+ word + " AS;Kaigata 2;0150;Oslo;+47 22 10 00 02;alke." + word + "@firma.no;Kari Alke\r\n"
				// its twin two rows on: a duplicate of it, found by the later row only
				+ "Havhest " + word + " AS;Strandvegen 9;0150;Oslo;+47 22 10 00 09;havhest." + word + "@firma.no;\r\n"
				+ "Teist " + word + " AS;Kaigata 4;0150;Oslo;+47 22 10 00 04;teist." + word + "@firma.no;\r\n"
				+ "Havhest " + word + " AS;Strandvegen 9;0150;Oslo;+47 22 10 00 09;havhest2." + word + "@firma.no;\r\n"
				// the same e-mail as the row before it: alone, it finds that row's
				// customer
				+ "Havhest " + word + " Drift AS;Strandvegen 9;0150;Oslo;;havhest2." + word
				+ "@firma.no;Ola Havhest\r\n" + "Skarv " + word + " AS;Kaigata 7;0150;Oslo;+47 22 10 00 07;skarv."
				+ word + "@firma.no;\r\n";

		List<List<JsonNode>> answers = dryRunThenRun(csv, 7);
		List<JsonNode> alone = answers.get(0);
		List<JsonNode> together = answers.get(1);

		assertThat(actions(together)).containsExactly("CREATE", "CREATE", "CREATE", "CREATE", "CREATE", "UPDATE",
				"CREATE");
		assertThat(withoutContactNos(together)).isEqualTo(withoutContactNos(alone));
		assertThat(together.get(4).get("duplicates").toString()).as("the later twin finds the earlier one")
			.contains(contactOfRow(together.get(2)));
		assertThat(together.get(2).get("duplicates")).as("and not the other way round").isEmpty();
		assertThat(counts.startingWith("INSERT INTO customer")).as("the run's customers: two runs, two statements")
			.isEqualTo(2);
		assertThat(read("/api/v1/customers/" + text(together.get(5), "no")).get("version").asLong())
			.as("created by one row, changed by a later one: two writes")
			.isEqualTo(2);
	}

	@Test
	void aRowTheRulesRefuseFailsAloneAndItsRunIsDoneOneAtATime() {
		String word = unique();
		String csv = HEADER //
				+ "Ærfugl " + word + " AS;Bryggen 1;0150;Oslo;+47 22 20 00 01;aerfugl." + word + "@firma.no;\r\n"
				+ "Feil " + word + " AS;Bryggen 2;0150;Oslo;telefon;feil." + word + "@firma.no;\r\n" + "Krykkje " + word
				+ " AS;Bryggen 3;0150;Oslo;+47 22 20 00 03;krykkje." + word + "@firma.no;Per Krykkje\r\n";

		List<List<JsonNode>> answers = dryRunThenRun(csv, 3);

		assertThat(actions(answers.get(1))).containsExactly("CREATE", "ERROR", "CREATE");
		assertThat(withoutContactNos(answers.get(1))).isEqualTo(withoutContactNos(answers.get(0)));
		assertThat(answers.get(1).get(1).get("errors").get(0).get("field").asString()).isEqualTo("phoneNo");
		assertThat(admin().get("/api/v1/customers?q=Feil%20" + word).json().get("items"))
			.as("nothing of the refused row")
			.isEmpty();
		JsonNode alone = read("/api/v1/customers/" + text(answers.get(1).get(2), "no"));
		assertThat(text(alone, "contact")).isEqualTo("Per Krykkje");
		assertThat(alone.get("version").asLong()).as("created alone in its savepoint: one version too").isEqualTo(1);
	}

	@Test
	void aCustomerCreatedWithItsPageIsWhatTheApiMakesOfTheSameValues() {
		String word = unique();
		String name = "Likt " + word + " AS";
		Object[] fields = { "address", "Kaigata 1", "postCode", "0150", "city", "Oslo", "phoneNo", "+47 22 30 00 01",
				"contact", "Kari Likt" };
		JsonNode single = customer(name, fields);
		// Without a number or an e-mail, a row matches nothing: it creates.
		String csv = "Navn;Adresse;Postnr.;Poststed;Telefon;Kontaktperson\r\n" + name
				+ ";Kaigata 1;0150;Oslo;+47 22 30 00 01;Kari Likt\r\n" + "Annen " + word
				+ " AS;Kaigata 2;0150;Oslo;;\r\n";
		long id = uploaded(csv, "CREATE_ONLY");
		Api.Response started = admin().post("/api/v1/imports/" + id + "/run", null);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		ImportFiles.finished(admin(), started.json());
		JsonNode row = rows(id).get(0);
		assertThat(row.get("action").asString()).isEqualTo("CREATE");
		JsonNode imported = read("/api/v1/customers/" + text(row, "no"));

		assertSameExceptNumbers(imported, read("/api/v1/customers/" + no(single)), "contactNo", "primaryContactNo");
		assertSameExceptNumbers(read("/api/v1/contacts/" + text(imported, "contactNo")),
				read("/api/v1/contacts/" + text(single, "contactNo")));
		assertSameExceptNumbers(read("/api/v1/contacts/" + text(imported, "primaryContactNo")),
				read("/api/v1/contacts/" + text(single, "primaryContactNo")));
		assertThat(text(imported, "contact")).isEqualTo("Kari Likt");
		assertThat(imported.get("version").asLong()).as("created with its primary contact: one write, one version")
			.isEqualTo(1)
			.isEqualTo(read("/api/v1/customers/" + no(single)).get("version").asLong());
		assertThat(read("/api/v1/contacts/" + text(imported, "contactNo")).get("version").asLong()).isEqualTo(1);
		JsonNode other = read("/api/v1/customers/" + text(rows(id).get(1), "no"));
		assertThat(text(other, "contactNo")).as("a company's contact").isNotNull();
		assertThat(text(other, "primaryContactNo")).as("is not its primary contact, as for one made by hand").isNull();
	}

	@Test
	void vendorsAndBankAccountsAreCreatedTogetherTooAndWithoutTheSyncNoContact() {
		String word = unique();
		String vendors = HEADER + "Leverandør " + word + " AS;Verkstedveien 1;0150;Oslo;;lev1." + word
				+ "@firma.no;Kari Lev\r\n" + "Leverandør " + word + " Nord AS;Verkstedveien 2;0150;Oslo;;lev2." + word
				+ "@firma.no;\r\n";
		List<List<JsonNode>> bought = dryRunThenRun("VENDOR", vendors, 2, Map.of("mode", "UPSERT"));
		assertThat(actions(bought.get(1))).containsExactly("CREATE", "CREATE");
		assertThat(withoutContactNos(bought.get(1))).isEqualTo(withoutContactNos(bought.get(0)));
		assertThat(text(read("/api/v1/vendors/" + text(bought.get(1).get(0), "no")), "contact")).isEqualTo("Kari Lev");

		String accounts = "Navn;Kontonummer\r\nKonto " + word + " drift;1234.56.78901\r\nKonto " + word
				+ " lønn;1234.56.78902\r\n";
		List<List<JsonNode>> banked = dryRunThenRun("BANK_ACCOUNT", accounts, 2, Map.of("mode", "CREATE_ONLY"));
		assertThat(actions(banked.get(1))).containsExactly("CREATE", "CREATE");
		assertThat(withoutContactNos(banked.get(1))).isEqualTo(withoutContactNos(banked.get(0)));
		assertThat(text(read("/api/v1/bank-accounts/" + text(banked.get(1).get(1), "no")), "contactNo"))
			.as("its contact, made with it")
			.isNotNull();

		setMarketing("businessRelationCodeForCustomers", null);
		try {
			String csv = HEADER + "Usynket " + word + " AS;Gate 1;0150;Oslo;;usynket." + word + "@firma.no;Ola\r\n";
			List<List<JsonNode>> unsynced = dryRunThenRun(csv, 1);
			assertThat(withoutContactNos(unsynced.get(1))).isEqualTo(withoutContactNos(unsynced.get(0)));
			assertThat(text(read("/api/v1/customers/" + text(unsynced.get(1).get(0), "no")), "contactNo"))
				.as("the sync is off for customers: no contact")
				.isNull();
		}
		finally {
			setMarketing("businessRelationCodeForCustomers", "KUNDE");
		}
	}

	@Test
	void aRowNamingTheNumberAnEarlierRowOfItsRunTakesChangesThatRecordAsAlone() {
		String word = unique();
		String first = "Nr.;Navn;Poststed\r\n;Nummer " + word + " AS;Oslo\r\n";
		String taken = text(admin()
			.post("/api/v1/imports/" + uploaded("CUSTOMER", first, Map.of("mode", "UPSERT")) + "/dry-run", null)
			.json()
			.get("results")
			.get(0), "no");
		String csv = first + taken + ";Nummer " + word + " Drift AS;Bergen\r\n";

		List<List<JsonNode>> answers = dryRunThenRun("CUSTOMER", csv, 2, Map.of("mode", "UPSERT"));

		assertThat(actions(answers.get(1))).containsExactly("CREATE", "UPDATE");
		assertThat(text(answers.get(1).get(1), "no")).isEqualTo(taken);
		assertThat(withoutContactNos(answers.get(1))).isEqualTo(withoutContactNos(answers.get(0)));
	}

	@Test
	void aRunTakenBackLeavesNothingOfItInTheChangeLog() {
		String word = unique();
		String csv = HEADER + "Tjeld " + word + " AS;Fjordgata 5;0150;Oslo;+47 22 40 00 05;tjeld." + word
				+ "@firma.no;\r\n" + "Tjeld " + word + " AS;Fjordgata 5;0150;Oslo;+47 22 40 00 05;tjeld2." + word
				+ "@firma.no;\r\n" + "Sildemåke " + word + " AS;Fjordgata 7;0150;Oslo;+47 22 40 00 07;sild." + word
				+ "@firma.no;\r\n";
		Map<String, Object> skipping = Map.of("mode", "UPSERT", "duplicates", "SKIP");

		List<List<JsonNode>> answers = dryRunThenRun("CUSTOMER", csv, 3, skipping);

		assertThat(actions(answers.get(1))).as("the twin is skipped, so the run was done one row at a time")
			.containsExactly("CREATE", "SKIPPED", "CREATE");
		assertThat(withoutContactNos(answers.get(1))).isEqualTo(withoutContactNos(answers.get(0)));
		long importId = jdbc.sql("SELECT max(id) FROM import").query(Long.class).single();
		Map<String, Integer> namesLogged = new java.util.TreeMap<>();
		admin().get("/api/v1/change-log?importId=" + importId + "&recordType=CUSTOMER&limit=1000")
			.json()
			.get("items")
			.forEach(entry -> {
				if (text(entry, "field").equals("name")) {
					namesLogged.merge(text(entry, "no"), 1, Integer::sum);
				}
			});
		assertThat(namesLogged).as("each customer made logged once, none that the taken-back run made")
			.containsOnlyKeys(text(answers.get(1).get(0), "no"), text(answers.get(1).get(2), "no"))
			.allSatisfy((no, times) -> assertThat(times).isEqualTo(1));
	}

	/**
	 * Uploads the file twice: the first dry-run, the second run, each on the data as it
	 * was before the file. (A second upload of the same rows, run after the first was
	 * only dry-run, sees exactly what the dry run saw.)
	 * @return the dry run's answers, then the run's rows, with the row numbers only
	 */
	private List<List<JsonNode>> dryRunThenRun(String csv, int rows) {
		return dryRunThenRun("CUSTOMER", csv, rows, Map.of("mode", "UPSERT"));
	}

	private List<List<JsonNode>> dryRunThenRun(String kind, String csv, int rows, Map<String, Object> settings) {
		long dry = uploaded(kind, csv, settings);
		JsonNode dryRun = admin().post("/api/v1/imports/" + dry + "/dry-run", null).json();
		List<JsonNode> alone = new ArrayList<>();
		dryRun.get("results").forEach(alone::add);
		long run = uploaded(kind, csv, settings);
		counts.reset();
		ImportFiles.finished(admin(), admin().post("/api/v1/imports/" + run + "/run", null).json());
		List<JsonNode> together = rows(run);
		assertThat(alone).hasSize(rows);
		assertThat(together).hasSize(rows);
		return List.of(alone, together);
	}

	private long uploaded(String csv, String mode) {
		return uploaded("CUSTOMER", csv, Map.of("mode", mode));
	}

	private long uploaded(String kind, String csv, Map<String, Object> settings) {
		Api.Response uploaded = ImportFiles.upload(port, "admin", ADMIN_PASSWORD,
				"kind=" + kind + "&fileName=import.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8), "en");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		long id = uploaded.json().get("id").asLong();
		Api.Response chosen = admin().put("/api/v1/imports/" + id + "/settings", settings);
		assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
		return id;
	}

	private List<JsonNode> rows(long id) {
		List<JsonNode> found = new ArrayList<>();
		admin().get("/api/v1/imports/" + id + "/rows?limit=1000").json().get("items").forEach(found::add);
		return found;
	}

	/**
	 * The rows' answers with the numbers of the contacts they found duplicates of left
	 * out: together, a page's companies are numbered before their people, one at a time
	 * each company's person follows it, so those numbers differ (who the duplicates are
	 * is checked on its own).
	 */
	private static String withoutContactNos(List<JsonNode> rows) {
		return rows.stream().map(row -> {
			ObjectNode copy = ((ObjectNode) row).deepCopy();
			copy.put("duplicates", row.get("duplicates").size());
			return copy.toString();
		}).toList().toString();
	}

	private static List<String> actions(List<JsonNode> rows) {
		return rows.stream().map(row -> row.get("action").asString()).toList();
	}

	private String contactOfRow(JsonNode row) {
		return text(read("/api/v1/customers/" + text(row, "no")), "contactNo");
	}

}
