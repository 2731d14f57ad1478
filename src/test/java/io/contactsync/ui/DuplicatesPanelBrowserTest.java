package io.contactsync.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A company's possible duplicates are shown by name, each a link to its card. */
class DuplicatesPanelBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource({ "nb, Mulige dubletter", "en, Possible duplicates" })
	void theDuplicatesPanelNamesTheOtherContactAndLinksToIt(String language, String heading) throws Exception {
		String tag = unique();
		JsonNode first = company("Tvillingvent" + tag + " Ventilasjon AS", "postCode", "8006");
		JsonNode second = company("Tvillingvent" + tag + " Ventilasjonsservice AS", "postCode", "8006");
		Browser browser = signedIn(language);

		browser.go("/contacts/" + no(first));
		assertThat(browser.text("main")).contains(heading);
		assertThat(browser.text("#duplicates")).contains(text(second, "name"), no(second));
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById('duplicates').scrollIntoView()");
		browser.screenshot("contact-duplicates" + ("en".equals(language) ? "-en" : ""));
		browser.click("#duplicates a.duplicate-name[href='/contacts/" + no(second) + "']");
		browser.waitFor(driver -> browser.path().equals("/contacts/" + no(second)));
		assertThat(browser.text("#duplicates")).contains(text(first, "name"));
	}

}
