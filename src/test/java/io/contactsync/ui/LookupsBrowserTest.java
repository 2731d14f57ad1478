package io.contactsync.ui;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codes are chosen from the setup's lists, not typed from memory: salesperson, territory,
 * country, language and currency from their lists by name, post codes suggested with
 * their city, and a new customer's template from the templates.
 */
class LookupsBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@ValueSource(strings = { "nb", "en" })
	void aCustomersCodesAreChosenFromTheSetupsLists(String language) throws Exception {
		String customerNo = no(customer("Oppslag " + unique() + " AS"));
		Browser browser = signedIn(language);
		browser.go("/customers/" + customerNo);

		assertThat(options(browser, "#f-salespersonCode")).contains("KH – Kari Hansen");
		assertThat(options(browser, "#f-territoryCode")).contains("NORD – Nord-Norge");
		assertThat(options(browser, "#f-countryRegionCode")).contains("SE – Sverige");
		assertThat(options(browser, "#f-languageCode")).contains("ENU – Engelsk");
		assertThat(options(browser, "#f-currencyCode")).contains("EUR – Euro");
		assertThat(browser.find("#f-postCode").getDomAttribute("list")).isEqualTo("dl-postCode");
		assertThat(browser.find("#dl-postCode option[value='9008']").getDomProperty("label")).isEqualTo("Tromsø");

		browser.choose("#f-salespersonCode", "KH").choose("#f-territoryCode", "NORD").click("#save");
		browser.waitFor(driver -> browser.exists(".flash.ok"));
		assertThat(text(read("/api/v1/customers/" + customerNo), "salespersonCode")).isEqualTo("KH");
		assertThat(text(read("/api/v1/customers/" + customerNo), "territoryCode")).isEqualTo("NORD");
		assertThat(new Select(browser.find("#f-territoryCode")).getFirstSelectedOption().getDomProperty("value"))
			.isEqualTo("NORD");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nb", "en" })
	void aNewCustomerStartsFromATemplateChosenByItsDescription(String language) throws Exception {
		Browser browser = signedIn(language);
		browser.go("/customers/new");
		assertThat(options(browser, "#f-templateCode")).contains("BEDRIFT – Bedriftskunde");

		browser.type("#f-name", "Malkunde " + unique() + " AS").choose("#f-templateCode", "BEDRIFT").click("#save");
		browser.waitFor(driver -> browser.exists("#record-no"));
		String customerNo = browser.text("#record-no");
		assertThat(text(read("/api/v1/customers/" + customerNo), "customerPostingGroup")).isEqualTo("INNLAND");
	}

	private static List<String> options(Browser browser, String select) {
		return browser.find(select).findElements(By.tagName("option")).stream().map(WebElement::getText).toList();
	}

}
