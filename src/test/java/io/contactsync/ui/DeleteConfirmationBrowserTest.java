package io.contactsync.ui;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setup records are deleted only after the user confirmed it, and a refused delete says,
 * in the page's language, what keeps the record.
 */
class DeleteConfirmationBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource({ "nb, Slette selger, Selger, Kunde", "en, Delete salesperson, Salesperson, Customer" })
	void aSetupCodeIsDeletedOnlyWhenConfirmedAndARefusalNamesWhatUsesIt(String language, String question,
			String salesperson, String customerCaption) throws Exception {
		String used = "U" + unique().substring(0, 6);
		String unused = "F" + unique().substring(0, 6);
		create("/api/v1/salespeople", Map.of("code", used, "name", "Brukt " + used));
		create("/api/v1/salespeople", Map.of("code", unused, "name", "Fri " + unused));
		JsonNode customer = customer("Selgers kunde " + unique() + " AS", "salespersonCode", used);
		Browser browser = signedIn(language);

		browser.go("/setup/salespeople/edit?key=" + unused);
		browser.click("#delete");
		browser.waitFor(driver -> browser.exists("#confirm-delete"));
		assertThat(browser.text("h1")).isEqualTo(question + " " + unused + "?");
		assertThat(admin().get("/api/v1/salespeople/" + unused).status()).as("asking deletes nothing").isEqualTo(200);
		browser.screenshot("setup-confirm-delete" + ("en".equals(language) ? "-en" : ""));
		browser.click("#confirm-delete");
		browser.waitFor(driver -> browser.exists(".flash"));
		assertThat(admin().get("/api/v1/salespeople/" + unused).status()).isEqualTo(404);

		browser.go("/setup/salespeople/edit?key=" + used);
		browser.click("#delete");
		browser.waitFor(driver -> browser.exists("#confirm-delete"));
		browser.click("#confirm-delete");
		browser.waitFor(driver -> browser.exists("#problem"));
		assertThat(browser.text("#problem")).contains(salesperson + " " + used, customerCaption + " " + no(customer));
		assertThat(admin().get("/api/v1/salespeople/" + used).status()).isEqualTo(200);
		browser.screenshot("setup-delete-refused" + ("en".equals(language) ? "-en" : ""));
	}

	@ParameterizedTest
	@CsvSource({ "nb, Kunde, Salgsordre", "en, Customer, Sales order" })
	void aCustomerWithAnOpenOrderIsKeptAndThePageNamesTheOrder(String language, String customerCaption,
			String salesOrder) throws Exception {
		JsonNode customer = customer("Ordre i arbeid " + unique() + " AS");
		JsonNode order = create("/api/v1/sales-orders", Map.of("sellToCustomerNo", no(customer), "lines",
				List.of(Map.of("description", "Filter", "quantity", 1, "unitPrice", 100))));
		Browser browser = signedIn(language);

		browser.go("/customers/" + no(customer));
		browser.click("#delete");
		browser.waitFor(driver -> browser.exists("#confirm-delete"));
		browser.click("#confirm-delete");
		browser.waitFor(driver -> browser.exists("#problem"));

		assertThat(browser.text("#problem")).contains(customerCaption + " " + no(customer),
				salesOrder + " " + no(order));
		assertThat(read("/api/v1/customers/" + no(customer)).get("name").asString()).startsWith("Ordre i arbeid");
		browser.screenshot("customer-delete-refused" + ("en".equals(language) ? "-en" : ""));
	}

}
