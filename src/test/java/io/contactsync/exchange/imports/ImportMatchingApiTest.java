package io.contactsync.exchange.imports;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCompany;
import static io.contactsync.support.NewRecord.aVendor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/import.md, "Matching": rows matched by organisation number, e-mail or external id,
 * the modes, blank cells, people attached to their company by a company column, and the
 * duplicate check of new companies.
 */
class ImportMatchingApiTest extends DemoCompanyApiTest {

	@Test
	void peopleAreAttachedToTheirCompanyByNumberOrgNrOrNameEvenOneTheFileMakes() {
		String word = unique();
		String orgNo = organisationNumber();
		JsonNode known = create(aCompany().named("Kjent " + word + " AS").withVatRegistrationNo(orgNo));
		String csv = "Navn;Org.nr.;Firma;E-post\r\n" //
				+ "Fiskevær " + word + " AS;;;post@fiskevaer.no\r\n" //
				+ "Kari Nordmann " + word + ";;Fiskevær " + word + " AS;kari@fiskevaer.no\r\n" //
				+ "Ola Nordmann " + word + ";;NO " + spaced(orgNo) + " MVA;ola@kjent.no\r\n" //
				+ "Per Hansen " + word + ";;" + no(known) + ";per@kjent.no\r\n" //
				+ "Nils Ukjent " + word + ";;Finnes Ikke " + word + " AS;\r\n";
		long id = uploaded("kind=CONTACT", csv);
		choose(id, "matchBy", "EMAIL");

		JsonNode dryRun = admin().post("/api/v1/imports/" + id + "/dry-run", null).json();
		assertThat(dryRun.get("counts").get("CREATE").asInt()).as(dryRun.toString()).isEqualTo(4);
		JsonNode unknown = dryRun.get("results").get(4);
		assertThat(unknown.get("action").asString()).isEqualTo("ERROR");
		assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("company");

		ImportFiles.finished(admin(), admin().post("/api/v1/imports/" + id + "/run", null).json());
		String fiskevaer = admin().get("/api/v1/contacts?type=COMPANY&q=Fiskev%C3%A6r%20" + word)
			.json()
			.get("items")
			.get(0)
			.get("no")
			.asString();
		JsonNode kari = person("Kari Nordmann " + word);
		assertThat(kari.get("type").asString()).isEqualTo("PERSON");
		assertThat(kari.get("companyNo").asString()).as("a company an earlier row made").isEqualTo(fiskevaer);
		assertThat(person("Ola Nordmann " + word).get("companyNo").asString()).as("by org.nr.").isEqualTo(no(known));
		assertThat(person("Per Hansen " + word).get("companyNo").asString()).as("by number").isEqualTo(no(known));
	}

	@Test
	void rowsAreMatchedByOrgNrInUpsertModeAndOnlyMappedColumnsAreWritten() {
		String word = unique();
		String orgNo = organisationNumber();
		JsonNode vendor = create(aVendor().named("Leverandør " + word + " AS")
			.withVatRegistrationNo("NO " + spaced(orgNo) + " MVA")
			.withPhone("+47 22 33 44 55")
			.inCity("Oslo"));
		String csv = "Org.nr.;Navn;Poststed;Telefon\r\n" + orgNo + ";Leverandør " + word + " AS;Drammen;\r\n";
		long id = uploaded("kind=VENDOR", csv);
		assertThat(read("/api/v1/imports/" + id).get("matchBy").asString()).isEqualTo("VAT_REGISTRATION_NO");

		ImportFiles.finished(admin(), admin().post("/api/v1/imports/" + id + "/run", null).json());

		JsonNode after = read("/api/v1/vendors/" + no(vendor));
		assertThat(after.get("city").asString()).isEqualTo("Drammen");
		assertThat(after.get("phoneNo").asString()).as("a blank cell leaves the value").isEqualTo("+47 22 33 44 55");
		assertThat(after.get("version").asLong()).isEqualTo(vendor.get("version").asLong() + 1);

		long clearing = uploaded("kind=VENDOR", csv);
		choose(clearing, "blankClears", true);
		JsonNode cleared = admin().post("/api/v1/imports/" + clearing + "/dry-run", null).json().get("results").get(0);
		assertThat(ImportApiTest.changes(cleared)).containsEntry("phoneNo",
				java.util.Arrays.asList("+47 22 33 44 55", ""));
	}

	@Test
	void createOnlyAndUpdateOnlySkipWhatTheyDoNotDo() {
		String word = unique();
		JsonNode company = create(aCompany().named("Finnes " + word + " AS").withEmail("post@finnes" + word + ".no"));
		String csv = "E-post;Navn\r\npost@finnes" + word + ".no;Finnes " + word + " AS endret\r\nny@ny" + word
				+ ".no;Ny " + word + " AS\r\n";
		long createOnly = uploaded("kind=CONTACT", csv);
		Map<String, Object> choices = new HashMap<>();
		choices.put("matchBy", "EMAIL");
		choices.put("mode", "CREATE_ONLY");
		assertThat(admin().put("/api/v1/imports/" + createOnly + "/settings", choices).status()).isEqualTo(200);
		JsonNode created = admin().post("/api/v1/imports/" + createOnly + "/dry-run", null).json();
		assertThat(created.get("results").get(0).get("action").asString()).isEqualTo("SKIPPED");
		assertThat(created.get("results").get(0).get("no").asString()).isEqualTo(no(company));
		assertThat(created.get("results").get(1).get("action").asString()).isEqualTo("CREATE");

		long updateOnly = uploaded("kind=CONTACT", csv);
		choices.put("mode", "UPDATE_ONLY");
		assertThat(admin().put("/api/v1/imports/" + updateOnly + "/settings", choices).status()).isEqualTo(200);
		JsonNode updated = admin().post("/api/v1/imports/" + updateOnly + "/dry-run", null).json();
		assertThat(updated.get("results").get(0).get("action").asString()).isEqualTo("UPDATE");
		assertThat(updated.get("results").get(1).get("action").asString()).isEqualTo("SKIPPED");
		assertThat(updated.get("results").get(1).get("errors").get(0).get("message").asString())
			.contains("matches no record");
	}

	@Test
	void anExternalIdCreatesAndCouplesTheFirstTimeAndUpdatesTheNext() {
		String word = unique();
		String system = "erp" + word.toLowerCase();
		long first = uploaded("kind=CUSTOMER", "Ekstern ID;Navn\r\nK-" + word + ";Koblet " + word + " AS\r\nL-" + word
				+ ";Også koblet " + word + " AS\r\n");
		Map<String, Object> choices = Map.of("matchBy", "EXTERNAL_ID", "externalSystem", system);
		assertThat(admin().put("/api/v1/imports/" + first + "/settings", choices).status()).isEqualTo(200);
		ImportFiles.finished(admin(), admin().post("/api/v1/imports/" + first + "/run", null).json());
		Api.Response coupled = admin().get("/api/v1/customers?q=Koblet%20" + word);
		String no = coupled.json().get("items").get(0).get("no").asString();
		assertThat(read("/api/v1/customers/" + no).get("externalIds").get(system).asString()).isEqualTo("K-" + word);
		String other = admin().get("/api/v1/customers?q=Også%20koblet%20" + word)
			.json()
			.get("items")
			.get(0)
			.get("no")
			.asString();
		assertThat(read("/api/v1/customers/" + other).get("externalIds").get(system).asString())
			.as("the rows created together, each coupled with its own id")
			.isEqualTo("L-" + word);

		long second = uploaded("kind=CUSTOMER", "Ekstern ID;Navn\r\nK-" + word + ";Koblet " + word + " ASA\r\n");
		assertThat(admin().put("/api/v1/imports/" + second + "/settings", choices).status()).isEqualTo(200);
		JsonNode dryRun = admin().post("/api/v1/imports/" + second + "/dry-run", null).json().get("results").get(0);
		assertThat(dryRun.get("action").asString()).isEqualTo("UPDATE");
		assertThat(dryRun.get("no").asString()).isEqualTo(no);
	}

	@Test
	void aNewCompanyLikeAnExistingOneIsReportedOrSkipped() {
		String word = unique();
		create(aCompany().named("Duplikat " + word + " Fiskeri AS")
			.atAddress("Strandgata " + word + " 1")
			.inCity("Hammerfest")
			.withPhone("+47 78 41 00 00"));
		String csv = "Navn;Adresse;Poststed;Telefon\r\nDuplikat " + word + " Fiskeri AS;Strandgata " + word
				+ " 1;Hammerfest;+47 78 41 00 00\r\n";
		long reported = uploaded("kind=CONTACT", csv);
		choose(reported, "mode", "CREATE_ONLY");
		JsonNode report = admin().post("/api/v1/imports/" + reported + "/dry-run", null).json().get("results").get(0);
		assertThat(report.get("action").asString()).isEqualTo("CREATE");
		assertThat(report.get("duplicates")).as(report.toString()).hasSize(1);

		long skipped = uploaded("kind=CONTACT", csv);
		Map<String, Object> choices = Map.of("mode", "CREATE_ONLY", "duplicates", "SKIP");
		assertThat(admin().put("/api/v1/imports/" + skipped + "/settings", choices).status()).isEqualTo(200);
		JsonNode run = ImportFiles.finished(admin(), admin().post("/api/v1/imports/" + skipped + "/run", null).json());
		assertThat(run.get("skipped").asLong()).isEqualTo(1);
		assertThat(run.get("created").asLong()).isZero();
		assertThat(admin().get("/api/v1/contacts?q=Duplikat%20" + word).json().get("items")).as("nothing written")
			.hasSize(1);
	}

	/**
	 * A Norwegian organisation number no other test uses: eight random digits and their
	 * MOD11 check digit (weights 3 2 7 6 5 4 3 2).
	 */
	private static String organisationNumber() {
		int[] weights = { 3, 2, 7, 6, 5, 4, 3, 2 };
		java.util.Random random = new java.util.Random();
		while (true) {
			StringBuilder digits = new StringBuilder().append(8 + random.nextInt(2));
			for (int i = 1; i < 8; i++) {
				digits.append(random.nextInt(10));
			}
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				sum += (digits.charAt(i) - '0') * weights[i];
			}
			int check = 11 - sum % 11;
			if (check == 11) {
				return digits.append(0).toString();
			}
			if (check < 10) {
				return digits.append(check).toString();
			}
		}
	}

	/** "923609016" as "923 609 016". */
	private static String spaced(String orgNo) {
		return orgNo.substring(0, 3) + " " + orgNo.substring(3, 6) + " " + orgNo.substring(6);
	}

	private JsonNode person(String name) {
		JsonNode found = admin().get("/api/v1/contacts?type=PERSON&q=" + name.replace(" ", "%20")).json().get("items");
		assertThat(found).as(name).hasSize(1);
		return found.get(0);
	}

	private void choose(long id, String choice, Object value) {
		Api.Response chosen = admin().put("/api/v1/imports/" + id + "/settings", Map.of(choice, value));
		assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
	}

	private long uploaded(String query, String csv) {
		Api.Response uploaded = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, query, "text/csv",
				csv.getBytes(StandardCharsets.UTF_8), "en");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		return uploaded.json().get("id").asLong();
	}

}
