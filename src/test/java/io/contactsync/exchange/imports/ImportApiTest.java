package io.contactsync.exchange.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/import.md: a file uploaded with its columns guessed, a dry run that says per row
 * what would happen and writes nothing, the run as a job through the customers' service
 * with origin IMPORT and the import's id, and what is refused.
 */
class ImportApiTest extends DemoCompanyApiTest {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@Test
	void aNorwegianFileIsUploadedWithItsColumnsGuessed() {
		String word = unique();
		String csv = "Nr.;Navn;Postnr.;Poststed;Org.nr.;E-post;Telefon;Kredittgrense;Merknad\r\n" + ";Ærfugl " + word
				+ " AS;9008;Tromsø;;post@aerfugl.no;77 60 00 00;1 250,50;ny\r\n";

		Api.Response uploaded = upload("kind=CUSTOMER&fileName=kunder.csv", csv.getBytes(WINDOWS_1252), "nb");

		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		JsonNode answer = uploaded.json();
		assertThat(uploaded.header("Location")).hasValue("/api/v1/imports/" + answer.get("id").asLong());
		assertThat(answer.get("kind").asString()).isEqualTo("CUSTOMER");
		assertThat(answer.get("rows").asInt()).isEqualTo(1);
		assertThat(answer.get("status").asString()).isEqualTo("NEW");
		assertThat(mapping(answer)).containsExactly("no", "name", "postCode", "city", "vatRegistrationNo", "email",
				"phoneNo", "creditLimitLcy", null);
		assertThat(answer.get("columns").get(1).get("header").asString()).as("read as Windows-1252").isEqualTo("Navn");
		assertThat(answer.get("matchBy").asString()).isEqualTo("NUMBER");
		assertThat(answer.get("mode").asString()).isEqualTo("UPSERT");
	}

	@Test
	void theDryRunSaysWhatEachRowWouldDoAndWritesNothing() {
		String word = unique();
		JsonNode existing = create(
				aCustomer().named("Havørn " + word + " AS").withPhone("+47 55 00 11 22").inCity("Bergen"));
		JsonNode same = create(aCustomer().named("Lomvi " + word + " AS").inCity("Bodø"));
		String csv = "No.,Name,City,Phone,E-mail,Credit limit\r\n" //
				+ no(existing) + ",Havørn " + word + " AS,Bergen,+47 55 99 88 77,,\r\n" //
				+ ",Teist " + word + " AS,Ålesund,,post@teist.no,\"2 500,75\"\r\n" //
				+ ",Alke " + word + " AS,Molde,,not an address,\r\n" //
				+ no(same) + ",Lomvi " + word + " AS,Bodø,,,\r\n";
		long id = uploadedId("kind=CUSTOMER", csv.getBytes(StandardCharsets.UTF_8));

		JsonNode dryRun = admin().header("Accept-Language", "nb")
			.post("/api/v1/imports/" + id + "/dry-run", null)
			.json();

		assertThat(dryRun.get("counts").toString())
			.isEqualTo("{\"CREATE\":1,\"UPDATE\":1,\"UNCHANGED\":1,\"SKIPPED\":0,\"ERROR\":1}");
		JsonNode update = dryRun.get("results").get(0);
		assertThat(update.get("row").asInt()).isEqualTo(2);
		assertThat(update.get("action").asString()).isEqualTo("UPDATE");
		assertThat(update.get("no").asString()).isEqualTo(no(existing));
		assertThat(changes(update)).containsEntry("phoneNo", Arrays.asList("+47 55 00 11 22", "+47 55 99 88 77"))
			.doesNotContainKey("city");
		JsonNode created = dryRun.get("results").get(1);
		assertThat(created.get("action").asString()).isEqualTo("CREATE");
		assertThat(changes(created)).containsEntry("creditLimitLcy", Arrays.asList(null, "2500.75"))
			.containsEntry("city", Arrays.asList(null, "Ålesund"));
		JsonNode error = dryRun.get("results").get(2);
		assertThat(error.get("action").asString()).isEqualTo("ERROR");
		assertThat(error.get("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(error.get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(error.get("errors").get(0).get("message").asString()).as("in the caller's language")
			.contains("e-postadresse");
		assertThat(dryRun.get("results").get(3).get("action").asString()).isEqualTo("UNCHANGED");

		assertThat(dryRun.get("next").isNull()).isTrue();
		JsonNode window = admin().post("/api/v1/imports/" + id + "/dry-run?limit=2", null).json();
		assertThat(window.get("results")).hasSize(2);
		assertThat(window.get("next").asInt()).as("the row to go on from").isEqualTo(4);
		JsonNode rest = admin().post("/api/v1/imports/" + id + "/dry-run?from=4&limit=2", null).json();
		assertThat(rest.get("results").get(0).get("row").asInt()).isEqualTo(4);
		assertThat(rest.get("results").get(1).get("action").asString()).isEqualTo("UNCHANGED");
		assertThat(rest.get("next").isNull()).isTrue();

		assertThat(read("/api/v1/customers/" + no(existing)).get("version").asLong()).as("nothing written")
			.isEqualTo(existing.get("version").asLong());
		assertThat(admin().get("/api/v1/customers?q=Teist%20" + word).json().get("items")).as("nothing created")
			.isEmpty();
	}

	@Test
	void theRunIsAJobThatWritesThroughTheServiceWithOriginImportAndTheImportsId() {
		String word = unique();
		JsonNode existing = create(aCustomer().named("Skarv " + word + " AS").withPhone("+47 55 00 11 22"));
		String csv = "Nr.;Navn;Telefon;Kredittgrense\r\n" + no(existing) + ";Skarv " + word
				+ " AS;+47 55 12 34 56;\r\n;Ny Skarv " + word + " AS;;1 000,5\r\n;;;\r\n;Feil " + word
				+ " AS;telefon;\r\n";
		long id = uploadedId("kind=CUSTOMER", csv.getBytes(StandardCharsets.UTF_8));

		Api.Response run = admin().post("/api/v1/imports/" + id + "/run", null);

		assertThat(run.status()).as(run.toString()).isEqualTo(202);
		assertThat(run.json().get("type").asString()).isEqualTo("IMPORT");
		JsonNode job = ImportFiles.finished(admin(), run.json());
		assertThat(job.get("total").asLong()).as("the blank row is no row").isEqualTo(3);
		assertThat(job.get("processed").asLong()).isEqualTo(3);
		assertThat(job.get("created").asLong()).isEqualTo(1);
		assertThat(job.get("failed").asLong()).isEqualTo(1);
		assertThat(job.get("errors").get(0).get("no").asString()).as("the row").isEqualTo("5");

		JsonNode updated = read("/api/v1/customers/" + no(existing));
		assertThat(updated.get("phoneNo").asString()).isEqualTo("+47 55 12 34 56");
		assertThat(updated.get("version").asLong()).as("one version per accepted write")
			.isEqualTo(existing.get("version").asLong() + 1);
		JsonNode contact = read("/api/v1/contacts/" + text(updated, "contactNo"));
		assertThat(contact.get("phoneNo").asString()).as("carried by the sync").isEqualTo("+47 55 12 34 56");
		assertThat(admin().get("/api/v1/customers?q=Feil%20" + word).json().get("items"))
			.as("a refused row writes nothing")
			.isEmpty();
		JsonNode made = admin().get("/api/v1/customers?q=Ny%20Skarv%20" + word).json().get("items").get(0);
		assertThat(made.get("creditLimitLcy").decimalValue()).isEqualByComparingTo("1000.5");

		JsonNode logged = null;
		for (JsonNode entry : admin().get("/api/v1/change-log?recordType=CUSTOMER&no=" + no(existing))
			.json()
			.get("items")) {
			if (logged == null && entry.get("field").asString().equals("phoneNo")) {
				logged = entry; // the newest first
			}
		}
		assertThat(logged.get("newValue").asString()).isEqualTo("+47 55 12 34 56");
		assertThat(logged.get("origin").asString()).isEqualTo("IMPORT");
		assertThat(logged.get("importId").asLong()).isEqualTo(id);
		JsonNode carried = admin().get("/api/v1/change-log?recordType=CONTACT&no=" + text(updated, "contactNo"))
			.json()
			.get("items")
			.get(0);
		assertThat(carried.get("origin").asString()).isEqualTo("SYNC");
		assertThat(carried.get("importId").asLong()).as("what the sync carried names the import too").isEqualTo(id);

		List<String> byImport = new ArrayList<>();
		admin().get("/api/v1/change-log?importId=" + id + "&limit=1000")
			.json()
			.get("items")
			.forEach(entry -> byImport.add(entry.get("recordType").asString() + " " + entry.get("no").asString()));
		assertThat(byImport).as("the import's changes, read by its id")
			.contains("CUSTOMER " + no(existing), "CONTACT " + text(updated, "contactNo"), "CUSTOMER " + no(made));
		assertThat(admin().get("/api/v1/change-log?importId=" + (id + 100000)).json().get("items")).isEmpty();

		JsonNode imported = read("/api/v1/imports/" + id);
		assertThat(imported.get("status").asString()).isEqualTo("DONE");
		assertThat(imported.get("counts").toString())
			.isEqualTo("{\"CREATE\":1,\"UPDATE\":1,\"UNCHANGED\":0,\"SKIPPED\":0,\"ERROR\":1}");
		JsonNode errors = admin().get("/api/v1/imports/" + id + "/rows?action=ERROR").json().get("items");
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).get("errors").get(0).get("field").asString()).isEqualTo("phoneNo");
		assertProblem(admin().post("/api/v1/imports/" + id + "/run", null), 422, "VALIDATION_FAILED");
	}

	@Test
	void anExportImportedAgainChangesNothing() {
		String word = unique();
		create(aCustomer().named("Eksport " + word + " AS")
			.withPhone("+47 22 33 44 55")
			.withEmail("a@eksport.no;b@eksport.no")
			.with("creditLimitLcy", 1250.5));
		create(aCustomer().named("=Formel " + word + " AS").inCity("Ås"));
		byte[] export = admin().header("Accept", "text/csv")
			.header("Accept-Language", "nb")
			.download("/api/v1/customers?q=" + word)
			.body();

		long id = uploadedId("kind=CUSTOMER", export);
		JsonNode dryRun = admin().post("/api/v1/imports/" + id + "/dry-run", null).json();

		assertThat(dryRun.get("counts").get("UNCHANGED").asInt()).as(dryRun.toString()).isEqualTo(2);

		byte[] xlsx = admin().header("Accept", ImportFormat.XLSX_TYPE).download("/api/v1/customers?q=" + word).body();
		Api.Response uploaded = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER&fileName=kunder.xlsx",
				ImportFormat.XLSX_TYPE, xlsx, "en");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		assertThat(uploaded.json().get("format").asString()).isEqualTo("XLSX");
		JsonNode fromXlsx = admin().post("/api/v1/imports/" + uploaded.json().get("id").asLong() + "/dry-run", null)
			.json();
		assertThat(fromXlsx.get("counts").get("UNCHANGED").asInt()).as(fromXlsx.toString()).isEqualTo(2);
	}

	@Test
	void aContactsExportWithItsPeopleImportedAgainChangesNothing() {
		String word = unique();
		JsonNode company = create(io.contactsync.support.NewRecord.aCompany()
			.named("Rundtur " + word + " AS")
			.withVatRegistrationNo("923609016")
			.inCity("Tromsø"));
		create(io.contactsync.support.NewRecord.aPerson()
			.named("Åse Rundtur " + word)
			.workingFor(no(company))
			.with("jobTitle", "Daglig leder"));
		byte[] export = admin().header("Accept", "text/csv").download("/api/v1/contacts?q=" + word).body();

		long id = uploadedId("kind=CONTACT", export);
		Api.Response run = admin().post("/api/v1/imports/" + id + "/run", null);
		JsonNode job = ImportFiles.finished(admin(), run.json());

		assertThat(job.get("processed").asLong()).isEqualTo(2);
		assertThat(read("/api/v1/imports/" + id).get("counts").get("UNCHANGED").asInt()).isEqualTo(2);
		assertThat(read("/api/v1/contacts/" + no(company)).get("version").asLong()).as("nothing written")
			.isEqualTo(company.get("version").asLong());
	}

	@Test
	void theMappingAndTheChoicesCanBeChangedAndAreChecked() {
		String word = unique();
		long id = uploadedId("kind=CONTACT",
				("Kolonne A;Kolonne B\r\nMåke " + word + " AS;post@make.no\r\n").getBytes(StandardCharsets.UTF_8));
		assertProblem(admin().post("/api/v1/imports/" + id + "/dry-run", null), 422, "VALIDATION_FAILED");

		Map<String, Object> choices = new HashMap<>();
		choices.put("mapping", Map.of("0", "name", "1", "email"));
		choices.put("matchBy", "EMAIL");
		choices.put("mode", "CREATE_ONLY");
		Api.Response chosen = admin().put("/api/v1/imports/" + id + "/settings", choices);
		assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
		assertThat(mapping(chosen.json())).containsExactly("name", "email");
		assertThat(admin().post("/api/v1/imports/" + id + "/dry-run", null).json().get("counts").get("CREATE").asInt())
			.isEqualTo(1);

		Api.Response twice = admin().put("/api/v1/imports/" + id + "/settings",
				Map.of("mapping", Map.of("0", "name", "1", "name"), "matchBy", "SOMETHING"));
		assertProblem(twice, 422, "VALIDATION_FAILED");
		assertThat(twice.json().get("errors").toString()).contains("mapping.1").contains("matchBy");
		assertThat(mapping(read("/api/v1/imports/" + id))).as("nothing changed").containsExactly("name", "email");
	}

	@Test
	void badFilesAndKindsAreRefusedNamingTheField() {
		Api.Response kind = upload("kind=ORDER", "Navn\r\nA\r\n".getBytes(StandardCharsets.UTF_8), "en");
		assertProblem(kind, 422, "VALIDATION_FAILED");
		assertThat(kind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");

		Api.Response notXlsx = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER",
				ImportFormat.XLSX_TYPE, "Navn\r\nA\r\n".getBytes(StandardCharsets.UTF_8), "en");
		assertProblem(notXlsx, 422, "VALIDATION_FAILED");
		assertThat(notXlsx.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

		Api.Response binary = upload("kind=CUSTOMER", new byte[] { 'N', 0, 1, 2 }, "en");
		assertProblem(binary, 422, "VALIDATION_FAILED");

		Api.Response bomb = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER&fileName=kunder.xlsx",
				ImportFormat.XLSX_TYPE, zipBomb(), "nb");
		assertProblem(bomb, 422, "VALIDATION_FAILED");
		assertThat(bomb.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(bomb.json().get("errors").get(0).get("message").asString()).as("said in Norwegian")
			.contains("pakkes ut til mer enn 100 MB");

		assertProblem(admin().get("/api/v1/imports/999999999"), 404, "NOT_FOUND");
		// the size of the file: ImportUploadLimitTest
	}

	@Test
	void onlyThoseWhoMayWriteAKindMayImportIt() {
		byte[] csv = "Navn\r\nA\r\n".getBytes(StandardCharsets.UTF_8);
		Api viewer = userWithRole("VIEWER");
		assertProblem(viewer.header("Content-Type", "text/csv").post("/api/v1/imports?kind=CONTACT", "Navn\r\nA\r\n"),
				403, "FORBIDDEN");
		Api sales = userWithRole("SALES");
		assertProblem(
				sales.header("Content-Type", "text/csv").post("/api/v1/imports?kind=BANK_ACCOUNT", "Navn\r\nA\r\n"),
				403, "FORBIDDEN");
		long bankImport = uploadedId("kind=BANK_ACCOUNT", csv);
		assertProblem(sales.get("/api/v1/imports/" + bankImport), 403, "FORBIDDEN");
		Api.Response own = sales.header("Content-Type", "text/csv")
			.post("/api/v1/imports?kind=CUSTOMER", "Navn\r\nA\r\n");
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
	}

	/**
	 * A zip whose worksheet unpacks to 150 MB of zeros, some 150 KB packed: more than an
	 * import unpacks, at a ratio no spreadsheet has.
	 */
	private static byte[] zipBomb() {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 150; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private Api.Response upload(String query, byte[] file, String language) {
		return ImportFiles.upload(port, "admin", ADMIN_PASSWORD, query, "text/csv", file, language);
	}

	private long uploadedId(String query, byte[] file) {
		Api.Response uploaded = upload(query, file, "en");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		return uploaded.json().get("id").asLong();
	}

	private static List<String> mapping(JsonNode answer) {
		List<String> fields = new ArrayList<>();
		answer.get("columns").forEach(column -> fields.add(text(column, "field")));
		return fields;
	}

	/** The changes of a result, by field: [old, new] as text. */
	static Map<String, List<String>> changes(JsonNode result) {
		Map<String, List<String>> changes = new HashMap<>();
		for (JsonNode change : result.get("changes")) {
			changes.put(change.get("field").asString(),
					Arrays.asList(value(change.get("old")), value(change.get("value"))));
		}
		return changes;
	}

	private static String value(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		return node.isNumber() ? node.decimalValue().toPlainString() : node.asString();
	}

}
