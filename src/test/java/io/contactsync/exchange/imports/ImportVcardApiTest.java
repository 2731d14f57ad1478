package io.contactsync.exchange.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/import.md, "vCard": a {@code .vcf} file's cards go through the same import as a
 * spreadsheet's rows (dry run, matching, run as a job with origin IMPORT and the import's
 * id, undo), and the same file imported again changes nothing.
 */
class ImportVcardApiTest extends DemoCompanyApiTest {

	@Test
	void aFileOfManyCardsIsImportedImportedAgainWithoutChangeAndUndone() {
		String word = unique();
		String email = word.toLowerCase() + "@kort.no";
		String vcf = card("Kort " + word + " AS", null, "post." + email,
				"KIND:org\r\nADR;TYPE=work:;;Storgata 1;Tromsø;;9008;NO\r\n")
				+ card("Kari Kort " + word, "N:Kort " + word + ";Kari;;;\r\nTITLE:Daglig leder\r\n", "kari." + email,
						"")
				+ card("Ola Kort " + word, "N:Kort " + word + ";Ola;;;\r\nTEL;TYPE=cell:+47 900 00 001\r\n",
						"ola." + email, "");

		JsonNode uploaded = upload(vcf, "kort.vcf");

		assertThat(uploaded.get("format").asString()).isEqualTo("VCARD");
		assertThat(uploaded.get("rows").asInt()).isEqualTo(3);
		assertThat(uploaded.get("matchBy").asString()).as("cards from elsewhere: by e-mail").isEqualTo("EMAIL");
		long id = uploaded.get("id").asLong();
		JsonNode dryRun = admin().post("/api/v1/imports/" + id + "/dry-run", null).json();
		assertThat(dryRun.get("counts").get("CREATE").asInt()).as(dryRun.toString()).isEqualTo(3);
		assertThat(admin().get("/api/v1/contacts?q=" + word).json().get("items")).as("the dry run writes nothing")
			.isEmpty();

		JsonNode job = ImportFiles.finished(admin(), admin().post("/api/v1/imports/" + id + "/run", null).json());

		assertThat(job.get("type").asString()).isEqualTo("IMPORT");
		assertThat(job.get("created").asLong()).isEqualTo(3);
		JsonNode company = only("/api/v1/contacts?q=" + word + "&type=COMPANY");
		assertThat(company.get("city").asString()).isEqualTo("Tromsø");
		assertThat(company.get("email").asString()).isEqualTo("post." + email);
		JsonNode kari = only("/api/v1/contacts?q=Kari%20Kort%20" + word);
		assertThat(kari.get("type").asString()).isEqualTo("PERSON");
		assertThat(kari.get("firstName").asString()).isEqualTo("Kari");
		assertThat(kari.get("jobTitle").asString()).isEqualTo("Daglig leder");
		assertThat(only("/api/v1/contacts?q=Ola%20Kort%20" + word).get("mobilePhoneNo").asString()).contains("900");
		List<String> logged = new ArrayList<>();
		admin().get("/api/v1/change-log?importId=" + id + "&limit=1000")
			.json()
			.get("items")
			.forEach(entry -> logged.add(entry.get("origin").asString() + " " + entry.get("no").asString()));
		assertThat(logged).as("the change log names the import")
			.contains("IMPORT " + no(company), "IMPORT " + no(kari));

		JsonNode again = upload(vcf, "kort.vcf");
		JsonNode rerun = ImportFiles.finished(admin(),
				admin().post("/api/v1/imports/" + again.get("id").asLong() + "/run", null).json());
		assertThat(rerun.get("created").asLong()).isZero();
		assertThat(read("/api/v1/imports/" + again.get("id").asLong()).get("counts").get("UNCHANGED").asInt())
			.isEqualTo(3);
		assertThat(read("/api/v1/contacts/" + no(company)).get("version").asLong()).as("nothing written")
			.isEqualTo(company.get("version").asLong());

		Api.Response undo = admin().post("/api/v1/imports/" + id + "/undo", null);
		ImportFiles.finished(admin(), undo.json());
		assertThat(admin().get("/api/v1/contacts/" + no(company)).status()).isEqualTo(404);
		assertThat(admin().get("/api/v1/contacts/" + no(kari)).status()).isEqualTo(404);
		assertThat(admin().get("/api/v1/contacts?q=" + word).json().get("items")).isEmpty();
	}

	@Test
	void ourOwnExportIsMatchedByNumberAndChangesNothing() {
		String word = unique();
		JsonNode company = create(io.contactsync.support.NewRecord.aCompany()
			.named("Eksportkort " + word + " AS")
			.inCity("Bodø")
			.withPhone("+47 75 00 00 01"));
		byte[] vcf = admin().header("Accept", "text/vcard").download("/api/v1/contacts?q=" + word).body();

		JsonNode uploaded = upload(new String(vcf, StandardCharsets.UTF_8), null);

		assertThat(uploaded.get("matchBy").asString()).isEqualTo("NUMBER");
		JsonNode dryRun = admin().post("/api/v1/imports/" + uploaded.get("id").asLong() + "/dry-run", null).json();
		assertThat(dryRun.get("counts").get("UNCHANGED").asInt()).as(dryRun.toString()).isEqualTo(1);
		assertThat(dryRun.get("results").get(0).get("no").asString()).isEqualTo(no(company));
	}

	@Test
	void aVcardIsContactsAndMustHoldACard() {
		Api.Response customers = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER", "text/vcard",
				card("A", null, "a@b.no", "").getBytes(StandardCharsets.UTF_8), "nb");
		assertProblem(customers, 422, "VALIDATION_FAILED");
		assertThat(customers.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
		assertThat(customers.json().get("errors").get(0).get("message").asString()).contains("kontakter");

		Api.Response empty = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CONTACT&fileName=tom.vcf",
				"application/octet-stream", "Navn;Telefon\r\nA;1\r\n".getBytes(StandardCharsets.UTF_8), "en");
		assertProblem(empty, 422, "VALIDATION_FAILED");
		assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

		Api.Response binary = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CONTACT", "text/vcard",
				new byte[] { 'B', 'E', 'G', 0, 1, 2 }, "en");
		assertProblem(binary, 422, "VALIDATION_FAILED");
	}

	private JsonNode upload(String vcf, String fileName) {
		Api.Response uploaded = ImportFiles.upload(port, "admin", ADMIN_PASSWORD,
				"kind=CONTACT" + (fileName == null ? "" : "&fileName=" + fileName), "text/vcard",
				vcf.getBytes(StandardCharsets.UTF_8), "en");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		return uploaded.json();
	}

	private JsonNode only(String path) {
		JsonNode items = admin().get(path).json().get("items");
		assertThat(items).as(path).hasSize(1);
		return items.get(0);
	}

	private static String card(String name, String person, String email, String more) {
		return "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:" + name + "\r\n" + (person == null ? "" : person) + more
				+ "EMAIL;TYPE=work:" + email + "\r\nEND:VCARD\r\n";
	}

}
