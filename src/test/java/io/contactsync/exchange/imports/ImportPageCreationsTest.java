package io.contactsync.exchange.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/import.md, "Run": the new customers of a page are created together, and each row
 * does and says exactly what it does alone. The dry run does its rows one at a time, on
 * the same data, so its answer is what the run's rows must say; and a customer made by
 * the run is what the API makes of the same values.
 */
class ImportPageCreationsTest extends DemoCompanyApiTest {

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

	/**
	 * Uploads the file twice: the first dry-run, the second run, each on the data as it
	 * was before the file. (A second upload of the same rows, run after the first was
	 * only dry-run, sees exactly what the dry run saw.)
	 * @return the dry run's answers, then the run's rows, with the row numbers only
	 */
	private List<List<JsonNode>> dryRunThenRun(String csv, int rows) {
		long dry = uploaded(csv, "UPSERT");
		JsonNode dryRun = admin().post("/api/v1/imports/" + dry + "/dry-run", null).json();
		List<JsonNode> alone = new ArrayList<>();
		dryRun.get("results").forEach(alone::add);
		long run = uploaded(csv, "UPSERT");
		ImportFiles.finished(admin(), admin().post("/api/v1/imports/" + run + "/run", null).json());
		List<JsonNode> together = rows(run);
		assertThat(alone).hasSize(rows);
		assertThat(together).hasSize(rows);
		return List.of(alone, together);
	}

	private long uploaded(String csv, String mode) {
		Api.Response uploaded = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER&fileName=kunder.csv",
				"text/csv", csv.getBytes(StandardCharsets.UTF_8), "en");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		long id = uploaded.json().get("id").asLong();
		Api.Response chosen = admin().put("/api/v1/imports/" + id + "/settings", Map.of("mode", mode));
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

	private static void assertSameExceptNumbers(JsonNode actual, JsonNode expected, String... alsoNumbers) {
		ObjectNode left = ((ObjectNode) actual).deepCopy();
		ObjectNode right = ((ObjectNode) expected).deepCopy();
		List<String> numbers = new ArrayList<>(List.of("no", "companyNo", "version", "lastModifiedAt"));
		numbers.addAll(List.of(alsoNumbers));
		for (String field : numbers) {
			left.remove(field);
			right.remove(field);
		}
		assertThat(left).isEqualTo(right);
	}

}
