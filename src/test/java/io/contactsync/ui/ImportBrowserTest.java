package io.contactsync.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page as a person uses it, in both languages (docs/import.md): a file chosen
 * and uploaded, a column's field chosen, the dry run's counts, the run and its result,
 * and the undo.
 */
class ImportBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource({ "nb, Importert, Angret", "en, Imported, Undone" })
	void aFileIsUploadedMappedTriedRunAndUndone(String language, String imported, String undone) throws Exception {
		String word = unique();
		JsonNode existing = create(aCustomer().named("Nettleser " + word + " AS").withPhone("+47 22 00 00 01"));
		Path file = Files.createTempFile("kunder-", ".csv");
		Files.writeString(file, "Nr.;Navn;Tlf. jobb\r\n" + no(existing) + ";Nettleser " + word
				+ " AS;+47 22 99 99 01\r\n;Ny Nettleser " + word + " AS;\r\n", StandardCharsets.UTF_8);
		Browser browser = signedIn(language);

		browser.click("#nav-imports");
		browser.choose("#kind", "CUSTOMER");
		browser.find("#file").sendKeys(file.toAbsolutePath().toString());
		browser.click("#upload");
		browser.waitFor(driver -> browser.path().matches("/imports/\\d+"));
		assertThat(browser.value("#column-1")).as("Navn guessed").isEqualTo("name");
		assertThat(browser.value("#column-2")).as("an unknown header is not guessed").isEmpty();

		browser.choose("#column-2", "phoneNo");
		browser.click("#save-settings");
		browser.waitFor(driver -> browser.value("#column-2").equals("phoneNo"));
		browser.click("#dry-run");
		browser.waitFor(driver -> browser.exists("#dry-run-result"));
		assertThat(browser.text("#dry-run-CREATE")).isEqualTo("1");
		assertThat(browser.text("#dry-run-UPDATE")).isEqualTo("1");
		assertThat(browser.text("#rows-UPDATE")).contains("+47 22 00 00 01 →").contains("+47 22 99 99 01");
		browser.screenshot("import-dry-run" + ("en".equals(language) ? "-en" : ""));

		browser.click("#run");
		// the page follows the job by itself while it runs
		browser.waitFor(driver -> browser.text("#import-status").equals(imported));
		assertThat(browser.text("#count-CREATE")).isEqualTo("1");
		assertThat(read("/api/v1/customers/" + no(existing)).get("phoneNo").asString()).isEqualTo("+47 22 99 99 01");

		browser.click("#undo");
		browser.waitFor(driver -> browser.text("#import-status").equals(undone));
		assertThat(browser.exists("#nothing-left")).isTrue();
		assertThat(read("/api/v1/customers/" + no(existing)).get("phoneNo").asString()).isEqualTo("+47 22 00 00 01");
		Files.delete(file);
	}

}
