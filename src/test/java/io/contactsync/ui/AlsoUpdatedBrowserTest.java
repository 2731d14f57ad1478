package io.contactsync.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a save the page names, with links, the other records it changed or made: the
 * contact made for a new customer, the people whose phone followed their company's; never
 * the record that was saved.
 */
class AlsoUpdatedBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource({ "nb, Også oppdatert:, Kontakt", "en, Also updated:, Contact" })
	void aNewCustomerNamesTheContactThatWasMadeForIt(String language, String alsoUpdated, String contact)
			throws Exception {
		Browser browser = signedIn(language);
		String name = "Ny med kontakt " + unique() + " AS";
		browser.go("/customers/new");
		browser.type("#f-name", name).click("#save");
		browser.waitFor(driver -> browser.exists("#record-no"));
		String customerNo = browser.text("#record-no");
		String contactNo = text(read("/api/v1/customers/" + customerNo), "contactNo");

		assertThat(browser.text("#also-updated")).isEqualTo(alsoUpdated + " " + contact + " " + contactNo);
		browser.screenshot("also-updated-new-customer" + ("en".equals(language) ? "-en" : ""));
		browser.find("#also-updated a").click();
		browser.waitFor(driver -> browser.path().equals("/contacts/" + contactNo));
	}

	@ParameterizedTest
	@CsvSource({ "nb, Også oppdatert:, Kontakt", "en, Also updated:, Contact" })
	void aCompanysNewPhoneNamesThePeopleWhosePhoneFollowed(String language, String alsoUpdated, String contact)
			throws Exception {
		JsonNode company = company("Telefonfirma " + unique() + " AS", "phoneNo", "22 00 00 01");
		JsonNode first = person("Siri Følger", no(company));
		JsonNode second = person("Ola Følger", no(company));
		JsonNode own = person("Per Egen", no(company), "phoneNo", "22 99 99 99");
		Browser browser = signedIn(language);

		browser.go("/contacts/" + no(company));
		browser.type("#f-phoneNo", "22 00 00 02").click("#save");
		browser.waitFor(driver -> browser.exists("#also-updated"));

		assertThat(browser.text("#also-updated"))
			.isEqualTo(alsoUpdated + " " + contact + " " + no(first) + ", " + contact + " " + no(second));
		assertThat(browser.driver().findElements(By.cssSelector("#also-updated a")))
			.extracting(link -> link.getDomAttribute("href"))
			.containsExactly("/contacts/" + no(first), "/contacts/" + no(second));
		assertThat(text(read("/api/v1/contacts/" + no(own)), "phoneNo")).isEqualTo("22 99 99 99");
	}

}
