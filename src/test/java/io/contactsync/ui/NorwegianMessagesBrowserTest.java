package io.contactsync.ui;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the services say about a field, and the values and names the pages show, come in
 * the page's language: no English on a Norwegian page.
 */
class NorwegianMessagesBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "nb|kan inneholde sifre, mellomrom og + ( ) - . / men ikke bokstaver|Noe av det du skrev",
					"en|may hold digits, spaces and + ( ) - . / but no letters|Some of what you typed" })
	void aRefusedFieldIsExplainedInThePagesLanguage(String language, String fieldError, String problem)
			throws Exception {
		JsonNode customer = customer("Feltfeil " + unique() + " AS");
		Browser browser = signedIn(language);

		browser.go("/customers/" + no(customer));
		browser.type("#f-phoneNo", "ring meg").click("#save");
		browser.waitFor(driver -> browser.exists("#e-phoneNo"));

		assertThat(browser.text("#e-phoneNo")).isEqualTo(fieldError);
		assertThat(browser.text("#problem")).startsWith(problem);
		assertThat(browser.value("#f-phoneNo")).as("what was typed is kept").isEqualTo("ring meg");
		browser.screenshot("field-refusal" + ("en".equals(language) ? "-en" : ""));
	}

	@Test
	void setupListsAndTheOutboxShowValuesInNorwegian() throws Exception {
		String code = "T" + unique().substring(0, 6);
		create("/api/v1/interaction-templates", Map.of("code", code, "description", "Utgående brev", "informationFlow",
				"OUTBOUND", "initiatedBy", "US"));
		JsonNode company = company("Utboks " + unique() + " AS", "email", "post@utboks-test.no");
		admin().post("/api/v1/contacts/" + no(company) + "/emails", Map.of("subject", "Hei fra utboksen"));
		Browser browser = signedIn("nb");

		browser.go("/setup/interaction-templates");
		assertThat(browser.text("main")).contains("Utgående", "Oss").doesNotContain("OUTBOUND", "true", "false");

		browser.go("/setup/outbox");
		assertThat(browser.text("h1")).isEqualTo("Utboks");
		assertThat(browser.text("#outbox-smtp")).startsWith("Ingen e-postserver er satt opp");
		assertThat(browser.text("#outbox")).contains("Hei fra utboksen", "Venter").doesNotContain("PENDING");
		browser.screenshot("outbox");

		browser.go("/setup/users");
		assertThat(browser.text("#users")).contains("Administrator", "Bare lesing").doesNotContain("VIEWER");
	}

	@Test
	void anEmailWithoutAMailServerIsSaidToBeQueuedInTheOutbox() throws Exception {
		JsonNode company = company("Epost Utboks " + unique() + " AS", "email", "post@epost-utboks.no");
		Browser browser = signedIn("nb");

		browser.go("/contacts/" + no(company));
		browser.unfold("#send-email-action").type("#subject", "Velkommen").click("#send-email");
		browser.waitFor(driver -> browser.exists(".flash.ok"));

		assertThat(browser.text(".flash.ok"))
			.isEqualTo("E-posten er lagt i utboksen; den sendes når en e-postserver er satt opp.");
	}

}
