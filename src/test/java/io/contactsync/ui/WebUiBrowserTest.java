package io.contactsync.ui;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The flows of ui.md "Tests" in a real browser, headless Chromium, against the
 * application on a random port with the demo company's setup: sign in, create a company
 * contact, create a customer from it, change the phone on the customer and see it on the
 * contact, run a batch job and watch it finish, switch language; and the behaviour ui.md
 * asks of saves, clashes, deletions and user text. Screenshots of the main pages go to
 * target/screenshots/.
 */
class WebUiBrowserTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	/** One signed-in browser for the class: starting Chromium costs seconds. */
	private static Browser browser;

	@BeforeEach
	void openBrowser() throws Exception {
		if (browser == null) {
			browser = Browser.open(port, "nb-NO");
			browser.signIn("admin", ADMIN_PASSWORD);
			browser.waitFor(driver -> browser.path().startsWith("/contacts"));
		}
		browser.go("/contacts?lang=nb");
	}

	@AfterAll
	static void closeBrowser() throws Exception {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	/**
	 * The heart of ui.md "Tests", in each language: what the pages say is checked in the
	 * words of that language.
	 */
	@ParameterizedTest
	@CsvSource({ "nb, Kunde, Også oppdatert: Kontakt, ''", "en, Customer, Also updated: Contact, -en" })
	void aCompanyBecomesACustomerAndAPhoneChangedOnTheCustomerShowsOnTheContact(String language, String customer,
			String alsoUpdated, String suffix) throws Exception {
		browser.go("/contacts?lang=" + language);
		browser.screenshot("contacts-list" + suffix);
		String name = "Nettleser Ventilasjon " + unique() + " AS";
		String contactNo = createCompany(name, "75 50 10 00");
		browser.screenshot("contact-card" + suffix);

		browser.unfold("#create-as");
		browser.chooseFirst("#template");
		browser.click("#create-customer");
		browser.waitFor(driver -> browser.exists("#linked-CUSTOMER"));
		assertThat(browser.text(".flash.ok")).startsWith(customer + " ");
		assertThat(browser.text("#business-relation")).isEqualTo(customer);
		String customerNo = browser.text("#linked-CUSTOMER");

		browser.click("#linked-CUSTOMER");
		browser.waitFor(driver -> browser.exists("#record-form"));
		assertThat(browser.text("#linked-contact")).isEqualTo(contactNo);
		browser.type("#f-phoneNo", "75 50 99 99").click("#save");
		browser.waitFor(driver -> browser.exists("#also-updated"));
		assertThat(browser.text("#also-updated")).isEqualTo(alsoUpdated + " " + contactNo);
		browser.screenshot("customer-card" + suffix);

		browser.click("#linked-contact");
		browser.waitFor(driver -> browser.exists("#contact-form"));
		assertThat(browser.value("#f-phoneNo")).isEqualTo("75 50 99 99");
		assertThat(admin().get("/api/v1/customers/" + customerNo).json().get("phoneNo").asString())
			.isEqualTo("75 50 99 99");
		browser.onAPhone(() -> browser.screenshot("contact-card-phone" + suffix));
		browser.go("/change-log?recordType=CUSTOMER&no=" + customerNo);
		assertThat(browser.text("#change-log")).contains("en".equals(language) ? "Phone" : "Telefon");
		browser.screenshot("change-log" + suffix);
		browser.go("/customers");
		browser.screenshot("customers-list" + suffix);
	}

	@Test
	void aContactIsMadeFromACustomerThatHasNoneOneByOne() {
		String customerNo = "UIC" + unique().substring(0, 5);
		jdbc.sql("INSERT INTO customer (no, name, city) VALUES (?, ?, 'Alta')")
			.params(customerNo, "Uten Kontakt " + customerNo + " AS")
			.update();
		browser.go("/customers/" + customerNo);

		browser.click("#create-contact");

		browser.waitFor(driver -> browser.exists("#linked-contact"));
		String contactNo = browser.text("#linked-contact");
		assertThat(admin().get("/api/v1/contacts/" + contactNo).json().get("city").asString()).isEqualTo("Alta");
		assertThat(browser.exists("#create-contact")).isFalse();
	}

	@Test
	void searchAsYouTypeFindsAContactAndFiltersByBusinessRelation() {
		String word = "Sokeord" + unique();
		company(word + " Regnskap AS", "city", "Bodø");
		browser.go("/contacts");
		browser.type("#q", word);
		browser.waitFor(driver -> browser.text("#contacts-table tbody").contains(word + " Regnskap AS"));
		// The search is in the address, to share or reload.
		browser.waitFor(driver -> browser.path().contains("q=" + word));

		browser.choose("#relation", "CUSTOMER");
		browser.waitFor(driver -> !browser.text("#contacts-table tbody").contains(word));
	}

	@Test
	void aBatchJobRunsWithALiveProgressBarToTheEnd() throws Exception {
		String prefix = "UI" + unique().substring(0, 4);
		jdbc.sql("INSERT INTO customer (no, name) SELECT ? || lpad(n::text, 4, '0'), 'Jobbkunde ' || n"
				+ " FROM generate_series(1, 30) AS n")
			.param(prefix)
			.update();

		browser.go("/jobs");
		browser.choose("#job-type", "CREATE_CONTACTS_FROM_CUSTOMERS");
		browser.type("#noFrom", prefix + "0001").type("#noTo", prefix + "0030").click("#start-job");
		browser.waitFor(driver -> browser.exists("#job-progress"));
		browser.waitFor(driver -> "SUCCEEDED".equals(browser.find("#job-status").getDomAttribute("data-status")));
		assertThat(browser.text("#job-created")).isEqualTo("30");
		assertThat(browser.text("#job-processed")).isEqualTo("30 / 30");
		assertThat(browser.exists("#cancel-job")).as("nothing left to cancel").isFalse();
		browser.screenshot("job-card");
	}

	@Test
	void theLanguageSwitchIsRememberedAndEnglishIsSpokenThroughout() throws Exception {
		assertThat(browser.text("h1")).isEqualTo("Kontakter");
		browser.click("#lang-en");
		browser.waitFor(driver -> browser.text("h1").equals("Contacts"));
		browser.go("/jobs");
		assertThat(browser.text("h1")).as("remembered on the next page").isEqualTo("Batch jobs");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
		browser.screenshot("jobs-en");
		browser.go("/documents/sales-quotes");
		browser.screenshot("documents-list-en");
		browser.go("/setup");
		browser.screenshot("setup-en");

		browser.click("#lang-nb");
		browser.waitFor(driver -> browser.text("h1").equals("Oppsett"));
		browser.screenshot("setup");
		browser.go("/jobs");
		browser.screenshot("jobs");
		browser.go("/documents/sales-quotes");
		browser.screenshot("documents-list");
	}

	@Test
	void aRefusedSaveKeepsWhatWasTypedAndSaysWhyBesideTheField() {
		String contactNo = no(company("Feilfelt " + unique() + " AS"));
		browser.go("/contacts/" + contactNo);
		browser.type("#f-email", "ikke en adresse").type("#f-city", "Mo i Rana").click("#save");

		browser.waitFor(driver -> browser.exists("#e-email"));
		assertThat(browser.text("#e-email")).isNotBlank();
		assertThat(browser.value("#f-email")).isEqualTo("ikke en adresse");
		assertThat(browser.value("#f-city")).as("what else was typed stays").isEqualTo("Mo i Rana");
		assertThat(browser.find("#f-email").getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(admin().get("/api/v1/contacts/" + contactNo).json().get("city").asString()).as("nothing was saved")
			.isEmpty();
	}

	@Test
	void theSecondOfTwoSavesOfTheSameContactIsRefusedWithAWayToReload() {
		JsonNode contact = company("Samtidig " + unique() + " AS");
		browser.go("/contacts/" + no(contact));
		patched("/api/v1/contacts/" + no(contact), "city", "Narvik");

		browser.type("#f-city", "Tromsø").click("#save");

		browser.waitFor(driver -> browser.exists("#conflict"));
		assertThat(browser.value("#f-city")).isEqualTo("Tromsø");
		assertThat(admin().get("/api/v1/contacts/" + no(contact)).json().get("city").asString())
			.as("the first save stands")
			.isEqualTo("Narvik");
		browser.find("#conflict a").click();
		browser.waitFor(driver -> "Narvik".equals(browser.value("#f-city")));
	}

	@Test
	void deletingALinkedContactAsksOnceSayingTheCustomerStays() {
		JsonNode customer = customer("Slettes Ikke " + unique() + " AS");
		String contactNo = text(customer, "contactNo");
		browser.go("/contacts/" + contactNo);
		browser.click("#delete");
		browser.waitFor(driver -> browser.exists("#confirm-delete"));
		assertThat(browser.text("ul.kept")).isEqualTo("Kunden " + no(customer) + " beholdes.");

		browser.click("#confirm-delete");
		// The page shows the contact until the deletion is done: wait for it to leave it,
		// not for a path that the contact's own page already has.
		browser.waitFor(driver -> browser.path().startsWith("/contacts")
				&& !browser.path().startsWith("/contacts/" + contactNo));
		assertThat(admin().get("/api/v1/contacts/" + contactNo).status()).isEqualTo(404);
		assertThat(admin().get("/api/v1/customers/" + no(customer)).status()).isEqualTo(200);
	}

	@Test
	void textFromUsersIsShownAsTextNeverRun() throws Exception {
		String name = "<script>alert('x')</script> " + unique();
		String contactNo = no(company(name));
		browser.go("/contacts/" + contactNo);

		assertThat(browser.text("#contact-name")).isEqualTo(name);
		assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		assertThat(browser.driver().findElements(By.xpath("//script[contains(., 'alert')]"))).isEmpty();
	}

	@Test
	void aContactIsLinkedWithAnExistingCustomerWhoseDetailsWin() {
		String customerNo = "UIL" + unique().substring(0, 5);
		jdbc.sql("INSERT INTO customer (no, name, city, phone_no) VALUES (?, ?, 'Harstad', '77 00 00 01')")
			.params(customerNo, "Eksisterende " + customerNo + " AS")
			.update();
		String contactNo = no(company("Ny Kontakt " + unique() + " AS", "city", "Bodø"));
		browser.go("/contacts/" + contactNo);

		browser.unfold("#link-existing");
		browser.choose("#link-type", "CUSTOMER").type("#link-search", customerNo);
		// The list answers what was typed so far: on a busy machine a pause in the
		// typing shows several candidates, none chosen, before the whole number's one,
		// chosen as the only one found. Linking before that links nothing.
		browser.waitFor(driver -> browser.exists("#candidate-" + customerNo)
				&& browser.find("#candidate-" + customerNo).isSelected());
		browser.find("input[name=master][value=LINKED_RECORD]").click();
		browser.click("#link");

		browser.waitFor(driver -> browser.exists("#linked-CUSTOMER"));
		assertThat(browser.text("#linked-CUSTOMER")).isEqualTo(customerNo);
		assertThat(browser.value("#f-city")).as("the customer's details won").isEqualTo("Harstad");
	}

	@Test
	void aQuoteForAContactWithoutCustomerBecomesAnOrderThroughATemplate() throws Exception {
		String contactNo = no(company("Tilbud " + unique() + " AS", "city", "Bodø"));
		browser.go("/contacts/" + contactNo);
		browser.unfold("#new-documents");
		browser.click("#new-sales-quote");
		browser.waitFor(driver -> browser.exists("#document-no"));
		browser.type("#line-description", "Ventilasjonsaggregat").type("#line-quantity", "2");
		browser.type("#line-price", "12500").click("#add-line");
		browser.waitFor(driver -> browser.text("#lines").contains("Ventilasjonsaggregat"));
		assertThat(browser.text("#lines").replace('\u00A0', ' ')).as("amounts in Norwegian")
			.contains("12 500,00")
			.contains("25 000,00");
		browser.screenshot("quote-card");

		browser.chooseFirst("#order-template");
		browser.click("#make-order");
		browser.waitFor(driver -> browser.path().startsWith("/documents/sales-orders/"));
		assertThat(browser.exists("#record-no a")).as("the order has its new customer").isTrue();
		String customerNo = browser.text("#record-no a");
		assertThat(admin().get("/api/v1/customers/" + customerNo).json().get("contactNo").asString())
			.isEqualTo(contactNo);
		browser.screenshot("order-card");
	}

	@Test
	void aPageThatIsNotThereIsAPageNotJson() {
		browser.go("/finnes-ikke");

		assertThat(browser.text("h1")).isEqualTo("404");
		assertThat(browser.exists("a[href='/contacts']")).isTrue();
	}

	@Test
	void wrongPasswordSaysNothingOfWhichPartWasWrong() throws Exception {
		try (Browser stranger = Browser.open(port, "nb-NO")) {
			stranger.signIn("admin", "feil-passord");
			stranger.waitFor(driver -> stranger.exists("#login-error"));
			String unknownPassword = stranger.text("#login-error");
			stranger.signIn("finnes-ikke", "feil-passord");
			stranger.waitFor(driver -> stranger.exists("#login-error"));
			assertThat(stranger.text("#login-error")).isEqualTo(unknownPassword);
			stranger.screenshot("sign-in");
		}
	}

	@Test
	void anAdministratorAddsASalesUserWhoSeesOnlyWhatSalesMayDo() throws Exception {
		String username = "selger-" + unique().toLowerCase();
		browser.go("/setup/users");
		browser.type("#new-username", username).type("#new-password", "Salg-Passord-123");
		browser.find("form.card input[name=roles][value=SALES]").click();
		browser.find("form.card button[type=submit]").click();
		browser.waitFor(driver -> browser.text("#users").contains(username));
		browser.screenshot("users");
		String contactNo = no(company("Rolle " + unique() + " AS"));

		try (Browser seller = Browser.open(port, "nb-NO")) {
			seller.signIn(username, "Salg-Passord-123");
			seller.waitFor(driver -> seller.path().startsWith("/contacts"));
			seller.go("/contacts/" + contactNo);
			assertThat(seller.exists("#create-customer")).isTrue();
			assertThat(seller.exists("#create-bank-account")).as("only ADMIN and FINANCE make bank accounts").isFalse();
			assertThat(seller.exists("#new-purchase-quote")).isFalse();
			assertThat(seller.exists("a[href='/setup']")).isFalse();
			seller.go("/setup");
			assertThat(seller.text("h1")).isEqualTo("403");
		}
	}

	private String createCompany(String name, String phone) {
		browser.go("/contacts/new");
		browser.type("#f-name", name).type("#f-phoneNo", phone).type("#f-city", "Bodø").click("#save");
		browser.waitFor(driver -> browser.exists("#contact-no"));
		assertThat(browser.text("#contact-name")).isEqualTo(name);
		return browser.text("#contact-no");
	}

}
