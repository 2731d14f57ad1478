package io.contactsync.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging contacts in Chromium, in Norwegian and English (docs/merge.md): chosen from the
 * contacts list or from a card's duplicates panel, previewed, merged, the result seen on
 * the survivor's card, and undone from there.
 */
class MergeBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource({ "nb, Slå sammen kontakter, er slått sammen med, Sammenslåingen er angret",
			"en, Merge contacts, merged into, The merge is undone" })
	void contactsTickedInTheListArePreviewedMergedAndTheMergeUndone(String language, String title, String done,
			String undone) throws Exception {
		String tag = unique();
		String first = no(company("Listetvilling" + tag + " AS", "city", "Bodø"));
		String second = no(company("Listetvilling" + tag + " A/S", "phoneNo", "+47 75 00 00 00"));
		Browser browser = signedIn(language);

		browser.go("/contacts?q=Listetvilling" + tag);
		browser.click("input.select-contact[value='" + first + "']");
		browser.click("input.select-contact[value='" + second + "']");
		browser.click("#merge-selected-button");
		browser.waitFor(driver -> browser.path().startsWith("/contacts/merge"));
		assertThat(browser.text("h1")).isEqualTo(title);
		assertThat(browser.text("#merge-fields")).contains("+47 75 00 00 00", "Bodø");
		browser.click("#survivor-" + first);
		browser.click("#field-phoneNo input[value='" + second + "']");
		browser.screenshot("merge-preview" + ("en".equals(language) ? "-en" : ""));

		browser.click("#merge-confirm");
		browser.waitFor(driver -> browser.path().equals("/contacts/" + first));

		assertThat(browser.text(".flash.ok")).contains(second, done, first);
		assertThat(text(read("/api/v1/contacts/" + first), "phoneNo")).isEqualTo("+47 75 00 00 00");
		assertThat(admin().get("/api/v1/contacts/" + second).code()).isEqualTo("MERGED");
		browser.click("#undo-merge");
		browser.waitFor(driver -> browser.exists(".flash.ok") && browser.text(".flash.ok").contains(undone));
		assertThat(browser.text(".flash.ok")).contains(second);
		assertThat(text(read("/api/v1/contacts/" + second), "phoneNo")).isEqualTo("+47 75 00 00 00");
		assertThat(text(read("/api/v1/contacts/" + first), "phoneNo")).as("the survivor's own value back")
			.isNullOrEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "nb, Koblet til forskjellige poster, Post slått sammen med den som beholdes, Slått sammen med",
			"en, Linked to different records, Record merged into the kept one, Merged into" })
	void duplicatesLinkedToTwoCustomersAreMergedWithTheirCustomersFromThePanel(String language, String conflicts,
			String recordMerged, String mergedInto) throws Exception {
		String tag = unique();
		JsonNode kept = customer("Paneltvilling" + tag + " Ventilasjon AS", "postCode", "8006");
		JsonNode gone = customer("Paneltvilling" + tag + " Ventilasjon A/S", "postCode", "8006");
		String quote = no(create("/api/v1/sales-quotes", java.util.Map.of("sellToContactNo", text(gone, "contactNo"))));
		Browser browser = signedIn(language);

		browser.go("/contacts/" + text(kept, "contactNo"));
		// Earlier runs' twins look alike too: the one of this run.
		browser.click("#duplicates a.merge-duplicate[href*='nos=" + text(gone, "contactNo") + "']");
		browser.waitFor(driver -> browser.path().startsWith("/contacts/merge"));
		assertThat(browser.text("#merge-conflicts")).contains(conflicts, no(kept), no(gone));
		browser.choose("#keep-CUSTOMER", no(kept));
		browser.click("#merge-records-CUSTOMER");
		browser.click("#merge-preview");
		browser.waitFor(driver -> browser.text("#merge-moves").contains(recordMerged));
		assertThat(browser.text("#merge-moves")).contains("CUSTOMER/" + no(gone), "SALES_QUOTE/" + quote);

		browser.click("#merge-confirm");
		browser.waitFor(driver -> browser.path().equals("/contacts/" + text(kept, "contactNo")));
		assertThat(text(read("/api/v1/sales-quotes/" + quote), "sellToCustomerNo")).isEqualTo(no(kept));
		assertThat(text(read("/api/v1/customers/" + no(gone)), "blocked")).isEqualTo("ALL");
		browser.click("#undo-merge");
		browser.waitFor(driver -> !browser.exists("#undo-merge"));
		assertThat(text(read("/api/v1/customers/" + no(gone)), "blocked")).isEqualTo("NONE");
		assertThat(text(read("/api/v1/sales-quotes/" + quote), "sellToCustomerNo")).isEqualTo(no(gone));

		JsonNode again = admin().post("/api/v1/contacts/merge",
				java.util.Map.of("contactNos", java.util.List.of(text(kept, "contactNo"), text(gone, "contactNo")),
						"survivorNo", text(kept, "contactNo"), "keepLinks", java.util.Map.of("CUSTOMER", no(kept)),
						"mergeRecords", java.util.List.of("CUSTOMER")))
			.json();
		assertThat(again.get("mergeId")).as(again.toString()).isNotNull();
		browser.go("/customers/" + no(gone));
		assertThat(browser.text("#merged-into")).contains(mergedInto, no(kept));
		browser.click("#merged-into a");
		browser.waitFor(driver -> browser.path().equals("/customers/" + no(kept)));
	}

}
