package io.contactsync.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why a batch job left a record out is said in the page's language: the job keeps the
 * reason by message code, not as the English text of the moment it ran
 * (JobErrorMessagesTest has a refusal's reasons).
 */
class JobErrorsBrowserTest extends SignedInBrowserTest {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "nb | En uventet feil; loggen har detaljene.",
			"en | An unexpected error; the log has the details." })
	void aRecordTheJobLeftOutIsExplainedInThePagesLanguage(String language, String reason) throws Exception {
		String prefix = "UJ" + unique().substring(0, 4);
		String name = "Avvist " + prefix + " AS";
		jdbc.sql("INSERT INTO customer (no, name) VALUES (?, ?)").params(prefix + "01", name).update();
		// as JobApiTest does: the database refuses this one contact
		String constraint = "test_refuses_" + prefix.toLowerCase();
		jdbc.sql("ALTER TABLE contact ADD CONSTRAINT " + constraint + " CHECK (name <> '" + name + "') NOT VALID")
			.update();
		Browser browser = signedIn(language);
		try {
			browser.go("/jobs");
			browser.choose("#job-type", "CREATE_CONTACTS_FROM_CUSTOMERS");
			browser.type("#noFrom", prefix + "01").type("#noTo", prefix + "99").click("#start-job");
			browser.waitFor(driver -> browser.exists("#job-errors"));
		}
		finally {
			jdbc.sql("ALTER TABLE contact DROP CONSTRAINT " + constraint).update();
		}

		assertThat(browser.text("#job-errors")).isEqualTo(prefix + "01: " + reason);
		browser.screenshot("job-errors-" + language);
	}

}
