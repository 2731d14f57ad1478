package io.contactsync.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main page in both languages, at a desktop's 1400 px and a phone's 375 px, saved
 * under target/screenshots/ (name-language-width.png) for a person to look at; and on the
 * phone no page may scroll sideways.
 */
class ScreenshotsBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@ValueSource(strings = { "nb", "en" })
	void everyMainPageFitsAPhoneAndIsPhotographedInBothWidths(String language) throws Exception {
		Browser browser = signedIn(language);
		List<String> tooWide = new ArrayList<>();
		for (Map.Entry<String, String> page : pages().entrySet()) {
			browser.go(page.getValue());
			for (int width : new int[] { 1400, 375 }) {
				browser.atWidth(width, () -> {
					if (page.getValue().contains("#")) {
						// the part of the page the address names, at this width too
						((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('"
								+ page.getValue().substring(page.getValue().indexOf('#') + 1) + "').scrollIntoView()");
					}
					browser.screenshot(page.getKey() + "-" + language + "-" + width);
					if (width == 375 && browser.scrollWidth() > 375) {
						tooWide.add(page.getKey() + " (" + browser.scrollWidth() + " px)");
					}
					if (width == 375 && outOfCard(browser) > 0) {
						tooWide.add(page.getKey() + " (" + outOfCard(browser) + " fields out of their card)");
					}
				});
			}
		}
		assertThat(tooWide).as("pages wider than a phone").isEmpty();
	}

	/**
	 * Form fields that stick out of the card they are in: the page need not scroll for a
	 * select with a long choice to run over its card's edge.
	 */
	private static long outOfCard(Browser browser) {
		return ((Number) ((JavascriptExecutor) browser.driver()).executeScript("""
				return [...document.querySelectorAll('.card input, .card select')].filter(field => {
					const card = field.closest('.card').getBoundingClientRect();
					const box = field.getBoundingClientRect();
					return box.width > 0 && box.right > card.right + 0.5;
				}).length""")).longValue();
	}

	/** The main pages, on the demo company's records. */
	private Map<String, String> pages() {
		JsonNode customer = read("/api/v1/customers/K00010");
		String order = first("/api/v1/sales-orders");
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("contacts-list", "/contacts");
		pages.put("contact-card", "/contacts/" + text(customer, "contactNo"));
		pages.put("customers-list", "/customers");
		pages.put("customer-card", "/customers/K00010");
		pages.put("vendors-list", "/vendors");
		pages.put("vendor-card", "/vendors/L00010");
		pages.put("bank-accounts-list", "/bank-accounts");
		pages.put("bank-account-card", "/bank-accounts/B010");
		pages.put("documents-list", "/documents/sales-orders");
		pages.put("document-card", "/documents/sales-orders/" + order);
		pages.put("change-log", "/change-log");
		pages.put("jobs", "/jobs");
		pages.put("setup", "/setup");
		pages.put("company-information", "/setup/company-information");
		pages.put("customer-new", "/customers/new");
		pages.put("contact-interactions",
				"/contacts/" + first("/api/v1/interaction-log-entries", "contactNo") + "#interactions");
		pages.put("interaction-templates", "/setup/interaction-templates");
		return pages;
	}

	private String first(String path) {
		return first(path, "no");
	}

	private String first(String path, String field) {
		JsonNode list = read(path);
		JsonNode items = list.has("items") ? list.get("items") : list;
		return text(items.get(0), field);
	}

}
