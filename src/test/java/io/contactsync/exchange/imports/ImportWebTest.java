package io.contactsync.exchange.imports;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.WebSession;
import org.junit.jupiter.api.Test;

import static io.contactsync.support.NewRecord.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The import page in both languages: upload, the guessed mapping changed, the dry run's
 * counts and rows, the run, the errors as CSV, the undo; and who may open it.
 */
class ImportWebTest extends DemoCompanyApiTest {

	private static final Pattern IMPORT_PATH = Pattern.compile("/imports/(\\d+)$");

	@Test
	void anImportFromUploadToUndoInNorwegian() {
		String word = unique();
		var existing = create(aCustomer().named("Side " + word + " AS").withPhone("+47 22 00 00 01"));
		WebSession admin = new WebSession(port).signIn("admin", ADMIN_PASSWORD);
		admin.get("/imports?lang=nb");
		assertThat(admin.get("/imports").body()).contains("Last opp").contains("id=\"nav-imports\"");
		String csv = "Nr.;Navn;Telefon;Notat\r\n" + no(existing) + ";Side " + word
				+ " AS;+47 22 99 99 01;x\r\n;Ny Side " + word + " AS;;y\r\n;Feil Side " + word + " AS;telefon;z\r\n";

		HttpResponse<String> uploaded = admin.upload("/imports", Map.of("kind", "CUSTOMER"), "file", "kunder.csv",
				"text/csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		Matcher id = IMPORT_PATH.matcher(location);
		assertThat(id.find()).as(location).isTrue();
		String path = "/imports/" + id.group(1);
		String page = admin.get(path).body();
		assertThat(page).contains("kunder.csv").contains("Ikke kjørt ennå").contains("(importeres ikke)");
		assertThat(page).as("Telefon guessed")
			.containsPattern("name=\"column.2\">\\s*<option[^>]*>[^<]*</option>\\s*"
					+ "(<option[^>]*>[^<]*</option>\\s*)*<option value=\"phoneNo\" selected=\"selected\"");

		Map<String, String> choices = new HashMap<>(Map.of("column.0", "no", "column.1", "name", "column.2", "phoneNo",
				"column.3", "", "matchBy", "NUMBER", "mode", "UPSERT", "duplicates", "REPORT", "externalSystem", ""));
		assertThat(admin.post(path + "/settings", choices).statusCode()).isEqualTo(302);

		String dryRun = admin.post(path + "/dry-run", Map.of()).body();
		assertThat(dryRun).contains("Prøvekjøring av de første 3 radene")
			.containsPattern("id=\"dry-run-CREATE\">1<")
			.containsPattern("id=\"dry-run-UPDATE\">1<")
			.containsPattern("id=\"dry-run-ERROR\">1<")
			.contains("+47 22 00 00 01 →")
			.doesNotContain("&quot;")
			.contains("Ny Side " + word + " AS");

		assertThat(admin.post(path + "/run", Map.of()).statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> admin.get(path).body().contains("data-status=\"DONE\""));
		String done = admin.get(path).body();
		assertThat(done).containsPattern("id=\"count-CREATE\">1<").contains("Rad 4").contains("id=\"errors-csv\"");
		Matcher job = Pattern.compile("href=\"(/jobs/\\d+)\" id=\"job-link\"").matcher(done);
		assertThat(job.find()).isTrue();
		assertThat(admin.get(job.group(1)).body()).as("the job page shows the import's progress")
			.contains("Import av en fil")
			.contains("id=\"job-processed\">3 / 3<");
		HttpResponse<String> errors = admin.get(path + "/errors.csv");
		assertThat(errors.body()).startsWith("\uFEFFRad;Navn;Felt;Melding")
			.contains("4;Feil Side " + word + " AS;phoneNo;");

		assertThat(admin.post(path + "/undo", Map.of()).statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> admin.get(path).body().contains("data-status=\"UNDONE\""));
		assertThat(admin.get(path).body()).contains("id=\"nothing-left\"");
		assertThat(read("/api/v1/customers/" + no(existing)).get("phoneNo").asString()).isEqualTo("+47 22 00 00 01");
	}

	@Test
	void theImportPageSpeaksEnglishToo() {
		WebSession admin = new WebSession(port).signIn("admin", ADMIN_PASSWORD);
		admin.get("/imports?lang=en");
		String csv = "Name,Post Code,E-mail\r\nEnglish " + unique() + " Ltd,0150,post@english.co.uk\r\n";
		HttpResponse<String> uploaded = admin.upload("/imports", Map.of("kind", "CONTACT"), "file", "contacts.csv",
				"text/csv", csv.getBytes(StandardCharsets.UTF_8));
		String path = uploaded.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");

		String page = admin.get(path).body();
		assertThat(page).contains("Not run yet").contains("Match rows by").contains("(not imported)");
		String dryRun = admin.post(path + "/dry-run", Map.of()).body();
		assertThat(dryRun).contains("Dry run of the first 1 rows").containsPattern("id=\"dry-run-CREATE\">1<");

		HttpResponse<String> wrong = admin.upload("/imports", Map.of("kind", "CONTACT"), "file", "contacts.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(wrong.body()).contains("is not an XLSX workbook");
		admin.get("/imports?lang=nb");
	}

	@Test
	void aViewerMayNotOpenTheImportPage() {
		String username = "viewer-" + unique().toLowerCase();
		admin().post("/api/v1/users",
				Map.of("username", username, "password", "password-" + username, "roles", java.util.List.of("VIEWER")));
		WebSession viewer = new WebSession(port).signIn(username, "password-" + username);
		assertThat(viewer.get("/imports").statusCode()).isEqualTo(403);
		assertThat(viewer.get("/contacts").body()).doesNotContain("id=\"nav-imports\"");
	}

}
