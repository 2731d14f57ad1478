package io.contactsync.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCompany;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export buttons as a person uses them: a search typed into the contacts list is what
 * the buttons export, in the page's language; the contact card's vCard button gives the
 * card.
 */
class ExportBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource({ "nb, ;", "en, ','" })
	void theExportButtonsExportTheSearchTypedIntoTheList(String language, String separator) throws Exception {
		String word = unique();
		JsonNode company = create(aCompany().named("Čáhppesjávri Fjellstue AS").inCity("Kautokeino " + word));
		create(aCompany().named("Ørnes Kai AS").inCity("Ørnes " + word));
		Browser browser = signedIn(language);

		browser.type("#q", word);
		browser.waitFor(driver -> browser.find("#export-csv").getDomAttribute("href").contains("q=" + word));
		String csv = fetch(browser, browser.find("#export-csv").getDomAttribute("href"));
		assertThat(csv.lines().toList()).hasSize(3);
		assertThat(csv).startsWith("no" + separator + "type" + separator + "name" + separator)
			.contains("Čáhppesjávri Fjellstue AS")
			.contains("Ørnes Kai AS");
		assertThat(browser.find("#export-xlsx").getDomAttribute("href")).contains("format=xlsx").contains("q=" + word);
		assertThat(browser.find("#export-vcf").getDomAttribute("href")).contains("format=vcf").contains("q=" + word);
		browser.screenshot("contacts-export" + ("en".equals(language) ? "-en" : ""));

		browser.go("/contacts/" + no(company));
		String card = fetch(browser, browser.find("#vcard").getDomAttribute("href"));
		assertThat(card).startsWith("BEGIN:VCARD")
			.contains("VERSION:4.0")
			.contains("UID:urn:contactsync:contact:" + no(company))
			.contains("FN:Čáhppesjávri Fjellstue AS");
	}

	/** What the browser gets for a link, with its session, as text. */
	private static String fetch(Browser browser, String href) {
		return (String) ((JavascriptExecutor) browser.driver())
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ " fetch(arguments[0]).then(answer => answer.text()).then(done, error => done('failed: ' + error));",
					href);
	}

}
