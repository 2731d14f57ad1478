package io.contactsync.ui;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user of a Norwegian office met in the web UI, in both languages, in a real
 * browser on the demo company's setup: each test failed before its fix.
 */
class NewUserBrowserTest extends SignedInBrowserTest {

	/** One signed-in browser for the class: starting Chromium costs seconds. */
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

	/**
	 * The sign-in page offers nothing but signing in: no menu, no "anonymousUser", no
	 * sign-out; and a failed attempt keeps the user name that was typed.
	 */
	@ParameterizedTest
	@CsvSource({ "nb, Logg inn, Logg ut", "en, Sign in, Sign out" })
	void theSignInPageShowsNoMenuAndAFailedAttemptKeepsTheUserName(String language, String signIn, String signOut)
			throws Exception {
		String username = "regnskap-" + unique().toLowerCase();
		try (Browser stranger = Browser.open(port, language)) {
			stranger.go("/login?lang=" + language);
			assertThat(stranger.text("h1")).isEqualTo(signIn);
			assertThat(stranger.exists("header.top nav")).as("no menu before signing in").isFalse();
			assertThat(stranger.exists("header.top .user")).isFalse();
			assertThat(stranger.text("header.top")).doesNotContain("anonymousUser").doesNotContain(signOut);

			stranger.type("#username", username).type("#password", "feil-passord").click("#sign-in");
			stranger.waitFor(driver -> stranger.exists("#login-error"));
			assertThat(stranger.value("#username")).as("what was typed stays").isEqualTo(username);
			assertThat(stranger.value("#password")).isEmpty();
			assertThat(stranger.text("header.top")).doesNotContain("anonymousUser").doesNotContain(signOut);
			stranger.screenshot("sign-in-failed" + ("en".equals(language) ? "-en" : ""));
		}
	}

	/**
	 * Kunder → Ny kunde (and vendors, bank accounts) with the demo's series, which hand
	 * out every number: the number left empty takes the next one; a number typed anyway
	 * comes back with what was typed and a message naming the number, the series and the
	 * way out.
	 */
	@ParameterizedTest
	@CsvSource({ "nb, customers, K\\d{5}, KUNDE, La Nr. stå tomt", "en, customers, K\\d{5}, KUNDE, Leave No. empty",
			"nb, vendors, L\\d{5}, LEV, La Nr. stå tomt", "en, bank-accounts, B\\d{3}, BANK, Leave No. empty" })
	void aRecordMadeByHandTakesTheNextNumberWhenItsNumberIsLeftEmpty(String language, String kind, String pattern,
			String series, String wayOut) throws Exception {
		Browser browser = signedIn(language);
		String name = "For Hånd " + unique() + " AS";
		browser.go("/" + kind + "/new");
		assertThat(browser.find("#f-no").getDomAttribute("required")).as("the number may be left empty").isNull();
		assertThat(browser.find("#f-no").getDomAttribute("placeholder")).as("and the form says so").isNotBlank();
		browser.type("#f-no", "X12345").type("#f-name", name).click("#save");
		browser.waitFor(driver -> browser.exists("#problem"));
		assertThat(browser.text("#problem")).contains("X12345", series, wayOut);
		assertThat(browser.value("#f-name")).as("what was typed stays").isEqualTo(name);
		browser.screenshot("record-number-refused-" + kind + ("en".equals(language) ? "-en" : ""));

		browser.type("#f-no", "").click("#save");
		browser.waitFor(driver -> browser.exists("#record-no"));
		assertThat(browser.text("#record-name")).isEqualTo(name);
		assertThat(browser.text("#record-no")).matches(pattern);
	}

	/**
	 * A blank contact name (a new company, a new person, an edit) comes back as the form,
	 * in the page's language, with what was typed and the reason beside the name; never a
	 * raw problem.
	 */
	@ParameterizedTest
	@CsvSource({ "nb, Ny kontakt, Noe av det du skrev", "en, New contact, Some of what you typed" })
	void aBlankContactNameComesBackAsTheFormWithEverythingTyped(String language, String newContact, String refused)
			throws Exception {
		Browser browser = signedIn(language);
		for (String type : List.of("COMPANY", "PERSON")) {
			browser.go("/contacts/new");
			browser.choose("#f-type", type);
			browser.type("#f-name", "   ").type("#f-city", "Mo i Rana").type("#f-phoneNo", "75 10 20 30");
			browser.click("#save");
			browser.waitFor(driver -> browser.exists("#e-name") || !browser.exists("#f-city"));
			assertThat(browser.text("h1")).as(type).isEqualTo(newContact);
			assertThat(browser.text("#problem")).startsWith(refused);
			assertThat(browser.text("#e-name")).isNotBlank();
			assertThat(browser.value("#f-city")).as("what was typed stays").isEqualTo("Mo i Rana");
			assertThat(browser.value("#f-phoneNo")).isEqualTo("75 10 20 30");
			assertThat(browser.value("#f-type")).isEqualTo(type);
		}
		browser.screenshot("contact-name-blank" + ("en".equals(language) ? "-en" : ""));

		String name = "Navnløs " + unique() + " AS";
		String contactNo = no(company(name));
		browser.go("/contacts/" + contactNo);
		browser.type("#f-name", "  ").type("#f-city", "Mosjøen").click("#save");
		browser.waitFor(driver -> browser.exists("#e-name") || !browser.exists("#f-city"));
		assertThat(browser.text("#problem")).startsWith(refused);
		assertThat(browser.value("#f-city")).isEqualTo("Mosjøen");
		assertThat(read("/api/v1/contacts/" + contactNo).get("name").asString()).as("nothing was saved")
			.isEqualTo(name);
	}

}
