package io.contactsync.ui;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers and dates as the page's language writes them: "1 250,50" and 24.11.2026 in
 * Norwegian, "1,250.50" and 2026-11-24 in English; forms take both "1 250,50" and
 * "1250.50"; amounts always with two decimals. The API's JSON stays as it is.
 */
class NorwegianNumbersBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource({ "nb, '25 000,50', '1 250,50'", "en, '25,000.50', '1,250.50'" })
	void anAmountIsTypedAndShownAsThePagesLanguageWritesIt(String language, String shown, String small)
			throws Exception {
		JsonNode customer = customer("Kredittkunde " + unique() + " AS");
		Browser browser = signedIn(language);

		for (String typed : List.of("25 000,50", "25000.50")) {
			browser.go("/customers/" + no(customer));
			browser.type("#f-creditLimitLcy", typed).click("#save");
			browser.waitFor(driver -> browser.exists(".flash"));
			assertThat(browser.exists("#problem")).as(typed + " is taken").isFalse();
			assertThat(read("/api/v1/customers/" + no(customer)).get("creditLimitLcy").decimalValue())
				.isEqualByComparingTo("25000.5");
			assertThat(browser.value("#f-creditLimitLcy").replace('\u00A0', ' ')).isEqualTo(shown);
		}
		browser.type("#f-creditLimitLcy", "1250.50").click("#save");
		browser.waitFor(driver -> browser.exists(".flash"));
		assertThat(browser.value("#f-creditLimitLcy").replace('\u00A0', ' ')).isEqualTo(small);
		assertThat(read("/api/v1/customers/" + no(customer)).get("creditLimitLcy").decimalValue())
			.as("the API's JSON stays a plain number")
			.isEqualByComparingTo("1250.5");
	}

	@ParameterizedTest
	@CsvSource({ "nb, '3,5', '1 250,50', '4 376,75', 24.11.2026", "en, 3.5, '1,250.50', '4,376.75', 2026-11-24" })
	void documentLinesAndDatesAreShownAsThePagesLanguageWritesThem(String language, String quantity, String price,
			String amount, String date) throws Exception {
		JsonNode customer = customer("Tallkunde " + unique() + " AS");
		JsonNode order = create("/api/v1/sales-orders",
				Map.of("sellToCustomerNo", no(customer), "documentDate", "2026-11-24", "lines", List.of()));
		Browser browser = signedIn(language);

		browser.go("/documents/sales-orders/" + no(order));
		browser.type("#line-quantity", "3,5").type("#line-price", "1 250,50").click("#add-line");
		// Read inside the wait: htmx may swap the lines in more than once, and a read
		// between two swaps finds none.
		List<String> cells = browser.waitFor(driver -> {
			List<String> shown = driver.findElements(By.cssSelector("#lines td.num"))
				.stream()
				.map(WebElement::getText)
				.map(text -> text.replace('\u00A0', ' '))
				.toList();
			return shown.isEmpty() ? null : shown;
		});
		assertThat(cells).containsExactly(quantity, price, amount, amount);
		browser.screenshot("document-numbers" + ("en".equals(language) ? "-en" : ""));

		browser.go("/documents/sales-orders");
		assertThat(
				browser.driver().findElement(By.xpath("//a[text()='" + no(order) + "']/ancestor::tr/td[2]")).getText())
			.isEqualTo(date);
	}

}
