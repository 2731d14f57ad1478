package io.contactsync.ui;

import java.util.List;
import java.util.Map;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user of a Norwegian office met in the web UI, in both languages, in a real
 * browser on the demo company's setup: each test failed before its fix.
 */
class NewUserBrowserTest extends DemoCompanyApiTest {

	/** One signed-in browser for the class: starting Chromium costs seconds. */
	private static Browser browser;

	@AfterAll
	static void closeBrowser() throws Exception {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	private Browser signedIn(String language) throws Exception {
		if (browser == null) {
			browser = Browser.open(port, "nb-NO");
			browser.signIn("admin", ADMIN_PASSWORD);
			browser.waitFor(driver -> browser.path().startsWith("/contacts"));
		}
		browser.go("/contacts?lang=" + language);
		return browser;
	}

	/**
	 * A sales order is called a sales order everywhere it is shown; "Ordrebekreftelse" is
	 * its printout.
	 */
	@ParameterizedTest
	@CsvSource({ "nb, Salgsordre, Ordrebekreftelse", "en, Sales order, Order confirmation" })
	void aSalesOrderIsCalledASalesOrderInTabsHeadingCrumbsAndTitle(String language, String salesOrder,
			String confirmation) throws Exception {
		JsonNode customer = customer("Ordrenavn " + unique() + " AS");
		JsonNode order = create("/api/v1/sales-orders", Map.of("sellToCustomerNo", no(customer), "lines",
				List.of(Map.of("description", "Filter", "quantity", 1, "unitPrice", 100))));
		Browser browser = signedIn(language);

		browser.go("/documents/sales-orders");
		assertThat(browser.text("h1")).isEqualTo(salesOrder);
		assertThat(browser.text("nav.tabs a.active")).isEqualTo(salesOrder);
		assertThat(browser.driver().getTitle()).startsWith(salesOrder + " ");
		assertThat(browser.text("main")).doesNotContain(confirmation);

		browser.go("/documents/sales-orders/" + no(order));
		assertThat(browser.text("h1")).isEqualTo(salesOrder + " " + no(order));
		assertThat(browser.text(".crumbs")).isEqualTo(salesOrder);
		assertThat(browser.driver().getTitle()).isEqualTo(salesOrder + " " + no(order) + " · ContactSync");
	}

}
