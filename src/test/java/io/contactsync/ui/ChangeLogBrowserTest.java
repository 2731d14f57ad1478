package io.contactsync.ui;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The change log page, in both languages: newest first even after bulk work, each change
 * with the changes the sync carried from it, the cards' field labels, nothing cut off.
 */
class ChangeLogBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource({ "nb, Telefon, Hjemmeside, Kontakt, Kunde", "en, Phone, Home page, Contact, Customer" })
	void theNewestChangeComesFirstWithWhatTheSyncCarriedFromItAndNothingIsCutOff(String language, String phone,
			String homePage, String contactCaption, String customerCaption) throws Exception {
		// Bulk work logs its entries with numbers of its own, after those a page's save
		// has already taken: the log must still show the page's later save first.
		contactsMadeByAJob();
		JsonNode customer = customer("Loggkunde " + unique() + " AS", "templateCode", "BEDRIFT");
		String contactNo = text(customer, "contactNo");
		String longPage = "https://example.no/" + "en-svaert-lang-adresse-uten-mellomrom".repeat(6);
		patched("/api/v1/contacts/" + contactNo, "phoneNo", "+47 77 12 34 56", "homePage", longPage);

		Browser browser = signedIn(language);
		browser.go("/change-log");
		List<WebElement> rows = browser.driver().findElements(By.cssSelector("#change-log tr[data-id]"));
		List<String> first = rows.stream().limit(4).map(row -> cells(row)).toList();
		assertThat(first).as("the save, then what the sync carried from it, newest first")
			.containsExactly(contactCaption + "|" + contactNo + "|" + phone + "|+47 77 12 34 56",
					contactCaption + "|" + contactNo + "|" + homePage + "|" + longPage,
					customerCaption + "|" + no(customer) + "|" + phone + "|+47 77 12 34 56",
					customerCaption + "|" + no(customer) + "|" + homePage + "|" + longPage);
		assertThat(rows.get(2).getDomAttribute("class")).contains("caused");
		assertThat(rows.get(2).getDomAttribute("data-caused-by")).isEqualTo(rows.get(0).getDomAttribute("data-id"));
		Object wide = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
				"const t = document.getElementById('change-log'); return t.parentElement.scrollWidth > t.parentElement.clientWidth;");
		assertThat(wide).as("the table fits its page: no value runs off the side").isEqualTo(false);
		browser.screenshot("change-log-all" + ("en".equals(language) ? "-en" : ""));

		browser.go("/change-log?recordType=CUSTOMER&no=" + no(customer));
		List<WebElement> own = browser.driver().findElements(By.cssSelector("#change-log tr[data-id]"));
		assertThat(cells(own.get(0))).as("a record's own log is newest first too")
			.isEqualTo(customerCaption + "|" + no(customer) + "|" + phone + "|+47 77 12 34 56");
	}

	/** Record type, number, field and new value of a row. */
	private static String cells(WebElement row) {
		List<WebElement> cells = row.findElements(By.tagName("td"));
		return cells.get(3).getText() + "|" + cells.get(4).getText().replace("↳", "").strip() + "|"
				+ cells.get(5).getText() + "|" + cells.get(7).getText();
	}

	/** Contacts for customers that had none, made by the batch job. */
	private void contactsMadeByAJob() {
		setMarketing("businessRelationCodeForCustomers", null);
		String no;
		try {
			no = no(customer("Uten kontakt " + unique() + " AS"));
		}
		finally {
			setMarketing("businessRelationCodeForCustomers", "KUNDE");
		}
		Map<String, Object> filter = new HashMap<>();
		filter.put("noFrom", no);
		filter.put("noTo", no);
		Api.Response submitted = admin().post("/api/v1/jobs",
				Map.of("type", "CREATE_CONTACTS_FROM_CUSTOMERS", "filter", filter));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		long id = submitted.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> text(admin().get("/api/v1/jobs/" + id).json(), "status").equals("SUCCEEDED"));
	}

}
