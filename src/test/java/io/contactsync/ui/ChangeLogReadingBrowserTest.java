package io.contactsync.ui;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the screenshots of the change log showed: a document's number read
 * "SALES_QUOTE/ST000001" and led nowhere, and an API token's expiry was written as ISO
 * (2027-03-01T02:36:25.272785Z). A document is named by its own number and links to its
 * card; moments are written as the page's language writes them.
 */
class ChangeLogReadingBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@ValueSource(strings = { "nb", "en" })
	void aDocumentsChangesNameItByItsNumberAndDatesAreLocal(String language) throws Exception {
		JsonNode quote = create("/api/v1/sales-quotes",
				Map.of("sellToContactNo", no(company("Logg " + unique())), "lines", List.of()));
		Browser browser = signedIn(language);

		browser.go("/change-log");

		String link = "a[href='/documents/sales-quotes/" + no(quote) + "']";
		browser.waitFor(driver -> browser.exists(link));
		assertThat(browser.text(link)).isEqualTo(no(quote));
		assertThat(browser.text("#change-log")).doesNotContain("SALES_QUOTE/")
			.as("a moment (an API token's expiry) as the page writes times")
			.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
	}

}
