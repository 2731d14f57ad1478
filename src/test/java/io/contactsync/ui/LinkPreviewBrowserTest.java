package io.contactsync.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Link with existing" finds the customer by its name; before linking it shows, field by
 * field, which side will be overwritten, and after linking which fields changed.
 */
class LinkPreviewBrowserTest extends SignedInBrowserTest {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource({ "VENDOR, /api/v1/vendors", "BANK_ACCOUNT, /api/v1/bank-accounts" })
	void vendorsAndBankAccountsAreFoundByNameToo(String type, String path) throws Exception {
		String name = "Søkbar " + unique().substring(0, 6) + " AS";
		String recordNo = no(create(path, java.util.Map.of("name", name)));
		String contactNo = no(company("Leter " + unique() + " AS"));
		Browser browser = signedIn("nb");
		browser.go("/contacts/" + contactNo);

		browser.unfold("#link-existing");
		browser.choose("#link-type", type).type("#link-search", name.substring(0, 13));

		browser.waitFor(driver -> browser.exists("#candidate-" + recordNo));
		assertThat(browser.text("#link-candidates")).contains(name);
	}

	@ParameterizedTest
	@CsvSource({ "nb, Poststed, Kontakt", "en, City, Contact" })
	void aCustomerFoundByNameIsLinkedAfterShowingWhatWillBeOverwritten(String language, String city, String contact)
			throws Exception {
		String tag = unique().substring(0, 6);
		String customerNo = "UIP" + tag.substring(0, 5);
		jdbc.sql("INSERT INTO customer (no, name, city) VALUES (?, ?, 'Harstad')")
			.params(customerNo, "Forhåndsvist " + tag + " AS")
			.update();
		String contactNo = no(company("Kobles " + tag + " AS", "city", "Bodø"));
		Browser browser = signedIn(language);
		browser.go("/contacts/" + contactNo);

		browser.unfold("#link-existing");
		browser.choose("#link-type", "CUSTOMER").type("#link-search", "Forhåndsvist " + tag);
		browser.waitFor(driver -> browser.exists("#candidate-" + customerNo));
		assertThat(browser.text("#link-candidates")).contains("Forhåndsvist " + tag + " AS");
		browser.click("#candidate-" + customerNo);
		browser.waitFor(driver -> browser.exists("#diff-city"));
		assertThat(browser.text("#diff-city td:nth-child(1)")).isEqualTo(city);
		assertThat(browser.text("#diff-city td.kept")).as("the contact's details are kept").isEqualTo("Bodø");
		assertThat(browser.text("#diff-city td.overwritten del")).isEqualTo("Harstad");

		browser.find("input[name=master][value=LINKED_RECORD]").click();
		browser.waitFor(driver -> browser.text("#diff-city td.kept").equals("Harstad"));
		assertThat(browser.text("#diff-city td.overwritten del")).isEqualTo("Bodø");
		browser.screenshot("link-preview-" + language);

		browser.click("#link");
		browser.waitFor(driver -> browser.exists("#link-changes"));
		assertThat(browser.text("#link-changes")).contains(contact + " " + contactNo + ": ").contains(city);
		assertThat(browser.value("#f-city")).isEqualTo("Harstad");
	}

}
